package io.cityops.dashboards.history;

import io.cityops.model.Metric;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The InfluxDB measurements the history API may read, each with its retention policy and the fields
 * and tags a query may name. This is the allow-list: identifiers in a query come from here, never
 * from the request. Must match what {@code io.cityops.jobs.history} writes. Windowed aggregates
 * have their own allow-list, {@link AggregateKind}, read through {@link AggregateSeries}.
 */
public enum HistoryMeasurement implements HistorySource {
    /** Raw readings, one point per sensor and event time; fields are metric keys. */
    READING("raw", "reading", metricKeys(""), List.of("sensorId", "domain", "districtId")),
    /** Every alert version; {@code version} counts events, state fields describe them. */
    ALERT_EVENT(
            "events",
            "alert_event",
            Set.of("version"),
            List.of("alertId", "domain", "severity", "districtId", "type")),
    /** KPI snapshots (written by the coverage job). */
    KPI("kpis", "kpi", Set.of("value"), List.of("kpiId"));

    private final String retentionPolicy;
    private final String measurement;
    private final Set<String> fields;
    private final List<String> tags;

    HistoryMeasurement(String rp, String measurement, Set<String> fields, List<String> tags) {
        this.retentionPolicy = rp;
        this.measurement = measurement;
        this.fields = fields;
        this.tags = tags;
    }

    @Override
    public String retentionPolicy() {
        return retentionPolicy;
    }

    @Override
    public String measurement() {
        return measurement;
    }

    @Override
    public Set<String> fields() {
        return fields;
    }

    @Override
    public List<String> tags() {
        return tags;
    }

    public static Optional<HistoryMeasurement> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.measurement.equals(name)).findFirst();
    }

    private static Set<String> metricKeys(String suffix) {
        Set<String> keys = new LinkedHashSet<>();
        for (Metric m : Metric.values()) {
            keys.add(m.key() + suffix);
        }
        return keys;
    }

    @Override
    public String toString() {
        return measurement.toLowerCase(Locale.ROOT);
    }
}
