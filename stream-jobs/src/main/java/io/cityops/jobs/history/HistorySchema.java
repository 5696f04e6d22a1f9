package io.cityops.jobs.history;

import java.time.Duration;
import java.util.List;

/**
 * Where history lives in InfluxDB: retention policies per kind of data and the measurement names in
 * them. The dashboards' history API reads the same names (its {@code HistoryMeasurement}).
 *
 * <ul>
 *   <li>{@code raw.reading}: tags sensorId, domain, districtId; one double field per metric key
 *   <li>{@code agg_1m.reading_1m} and {@code agg_1h.reading_1h}: same tags; fields {@code
 *       <metric>_mean|_min|_max} and {@code count} (written by the aggregates job)
 *   <li>{@code events.alert_event}: tags alertId, domain, severity, districtId, type
 *   <li>{@code kpis.kpi}: tag kpiId, field value (written by the coverage job)
 * </ul>
 */
public final class HistorySchema {
    public static final String RP_RAW = "raw";
    public static final String RP_AGG_1M = "agg_1m";
    public static final String RP_AGG_1H = "agg_1h";
    public static final String RP_EVENTS = "events";
    public static final String RP_KPIS = "kpis";

    public static final String READING = "reading";
    public static final String READING_1M = "reading_1m";
    public static final String READING_1H = "reading_1h";
    public static final String ALERT_EVENT = "alert_event";
    public static final String KPI = "kpi";

    /** A retention policy: how long a kind of data is kept. Zero duration means forever. */
    public record RetentionPolicy(String name, Duration duration, boolean isDefault) {
        String influxDuration() {
            return duration.isZero() ? "INF" : duration.toHours() + "h";
        }
    }

    /**
     * Raw readings 30 days, minute aggregates 400 days (year-on-year comparisons), hour aggregates,
     * alert events and KPIs kept for good: they are the province's reporting record.
     */
    public static final List<RetentionPolicy> RETENTION_POLICIES =
            List.of(
                    new RetentionPolicy(RP_RAW, Duration.ofDays(30), true),
                    new RetentionPolicy(RP_AGG_1M, Duration.ofDays(400), false),
                    new RetentionPolicy(RP_AGG_1H, Duration.ZERO, false),
                    new RetentionPolicy(RP_EVENTS, Duration.ZERO, false),
                    new RetentionPolicy(RP_KPIS, Duration.ZERO, false));

    private HistorySchema() {}
}
