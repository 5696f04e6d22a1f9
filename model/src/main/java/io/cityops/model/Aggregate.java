package io.cityops.model;

import java.util.Map;
import java.util.Objects;

/**
 * A windowed summary for history and dashboards: one record per subject, window length and window
 * start. This is the value of the {@code aggregates} topic (key = {@link #key()}); the history job
 * stores it in InfluxDB, where the same key overwrites, so a replay never duplicates.
 *
 * <p>Kinds in use (see {@code docs/data-contracts.md}):
 *
 * <ul>
 *   <li>{@code sensor}: one sensor's metrics, values {@code <metric>_mean|_min|_max}, {@code count}
 *   <li>{@code district}: one district's metrics of one domain, same value names
 *   <li>{@code traffic.segment}: {@code speedRatio}, {@code occupancy}, {@code travelTimeIndex};
 *       label {@code level}
 *   <li>{@code air.station}, {@code air.district}: {@code aqi}; labels {@code dominant}, {@code
 *       category}, {@code standard}
 *   <li>{@code rain.station}: {@code rain1hMm}, {@code rain3hMm}, {@code rain24hMm}
 *   <li>{@code forest.zone}: {@code nesterov}; label {@code level}
 *   <li>{@code power.transformer}: {@code transformerWh}, {@code customersWh}, {@code lossShare}
 * </ul>
 *
 * @param kind what is summarised, e.g. {@code sensor}, {@code air.district}
 * @param subjectId the sensor, district, segment, zone or transformer id
 * @param domain the domain the values belong to
 * @param districtId the district of the subject (the subject itself for district kinds)
 * @param window the window's length as written in configuration: {@code 1m}, {@code 1h}, {@code 1d}
 * @param windowStart event time (epoch ms) the window starts at, inclusive
 * @param values the numbers, by name
 * @param labels categorical results, by name (may be empty)
 */
public record Aggregate(
        String kind,
        String subjectId,
        Domain domain,
        String districtId,
        String window,
        long windowStart,
        Map<String, Double> values,
        Map<String, String> labels) {

    public Aggregate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(window, "window");
        values = Map.copyOf(Objects.requireNonNull(values, "values"));
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** Identity of this summary: the same key written twice is the same point. */
    public String key() {
        return kind + ":" + subjectId + ":" + window + ":" + windowStart;
    }

    /** A value, or NaN when absent. */
    public double value(String name) {
        Double v = values.get(name);
        return v == null ? Double.NaN : v;
    }
}
