package io.cityops.dashboards.history;

import io.cityops.model.Metric;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The aggregate kinds of the {@code aggregates} topic (see {@code io.cityops.model.Aggregate}) with
 * the value names each may carry, the field a chart shows by default and the window it is usually
 * summarised over. This is the allow-list for {@code /api/history/aggregates}.
 */
public enum AggregateKind {
    SENSOR("sensor", metricSummaries(), null, "1m"),
    DISTRICT("district", metricSummaries(), null, "1h"),
    TRAFFIC_SEGMENT(
            "traffic.segment",
            Set.of("speedRatio", "occupancy", "travelTimeIndex"),
            "travelTimeIndex",
            "1m"),
    AIR_STATION("air.station", airIndices(), "aqi", "1h"),
    AIR_DISTRICT("air.district", airIndices(), "aqi", "1h"),
    RAIN_STATION("rain.station", Set.of("rain1hMm", "rain3hMm", "rain24hMm"), "rain1hMm", "1h"),
    FOREST_ZONE(
            "forest.zone", Set.of("nesterov", "level", "rainMm", "t13C", "d13"), "nesterov", "1d"),
    POWER_TRANSFORMER(
            "power.transformer",
            Set.of(
                    "transformerWh",
                    "customersWh",
                    "lossShare",
                    "customersReported",
                    "customersExpected"),
            "lossShare",
            "1h");

    private final String kind;
    private final Set<String> fields;
    private final String defaultField;
    private final String defaultWindow;

    AggregateKind(String kind, Set<String> fields, String defaultField, String defaultWindow) {
        this.kind = kind;
        this.fields = fields;
        this.defaultField = defaultField;
        this.defaultWindow = defaultWindow;
    }

    /** The kind as the topic names it, e.g. {@code air.district}. */
    public String kind() {
        return kind;
    }

    public Set<String> fields() {
        return fields;
    }

    /** The field a query without {@code field} reads; empty when the kind has no main value. */
    public Optional<String> defaultField() {
        return Optional.ofNullable(defaultField);
    }

    public String defaultWindow() {
        return defaultWindow;
    }

    public static Optional<AggregateKind> byName(String name) {
        return Arrays.stream(values()).filter(k -> k.kind.equals(name)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(AggregateKind::kind).collect(Collectors.joining(", "));
    }

    /**
     * The AQI and the sub-index of each pollutant the AQI is computed from, as the air detector
     * names them ({@code <pollutant>_aqi}, e.g. {@code pm25_aqi}).
     */
    private static Set<String> airIndices() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add("aqi");
        for (Metric m :
                List.of(Metric.PM25, Metric.PM10, Metric.O3, Metric.CO, Metric.NO2, Metric.SO2)) {
            keys.add(m.key() + "_aqi");
        }
        return keys;
    }

    private static Set<String> metricSummaries() {
        Set<String> keys = new LinkedHashSet<>();
        for (String s : List.of("_mean", "_min", "_max")) {
            for (Metric m : Metric.values()) {
                keys.add(m.key() + s);
            }
        }
        keys.add("count");
        return keys;
    }
}
