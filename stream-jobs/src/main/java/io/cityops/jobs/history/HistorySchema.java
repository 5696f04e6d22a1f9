package io.cityops.jobs.history;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where history lives in InfluxDB: retention policies per kind of data and the measurement names in
 * them. The dashboards' history API reads the same names (its {@code HistoryMeasurement}).
 *
 * <ul>
 *   <li>{@code raw.reading}: tags sensorId, domain, districtId; one double field per metric key
 *   <li>{@code agg_1m|agg_1h|agg_1d.agg_<kind>}: the {@code aggregates} topic, one measurement per
 *       aggregate kind ({@link #aggregateMeasurement}), the policy chosen by the window's length
 *       ({@link #aggregatePolicy}); tags kind, subjectId, districtId, domain, window; the values as
 *       double fields and the labels as string fields (not tags, so a window re-emitted with
 *       another label still overwrites its point)
 *   <li>{@code events.alert_event}: tags alertId, domain, severity, districtId, type
 *   <li>{@code kpis.kpi}: tag kpiId, field value (written by the coverage job)
 * </ul>
 */
public final class HistorySchema {
    public static final String RP_RAW = "raw";
    public static final String RP_AGG_1M = "agg_1m";
    public static final String RP_AGG_1H = "agg_1h";
    public static final String RP_AGG_1D = "agg_1d";
    public static final String RP_EVENTS = "events";
    public static final String RP_KPIS = "kpis";

    public static final String READING = "reading";

    /** Prefix of the aggregate measurements: {@code agg_} + kind with dots as underscores. */
    public static final String AGGREGATE_PREFIX = "agg_";

    public static final String ALERT_EVENT = "alert_event";
    public static final String KPI = "kpi";

    /** A retention policy: how long a kind of data is kept. Zero duration means forever. */
    public record RetentionPolicy(String name, Duration duration, boolean isDefault) {
        String influxDuration() {
            return duration.isZero() ? "INF" : duration.toHours() + "h";
        }
    }

    /**
     * Raw readings 30 days, minute aggregates 400 days (year-on-year comparisons), hour and day
     * aggregates, alert events and KPIs kept for good: they are the province's reporting record.
     */
    public static final List<RetentionPolicy> RETENTION_POLICIES =
            List.of(
                    new RetentionPolicy(RP_RAW, Duration.ofDays(30), true),
                    new RetentionPolicy(RP_AGG_1M, Duration.ofDays(400), false),
                    new RetentionPolicy(RP_AGG_1H, Duration.ZERO, false),
                    new RetentionPolicy(RP_AGG_1D, Duration.ZERO, false),
                    new RetentionPolicy(RP_EVENTS, Duration.ZERO, false),
                    new RetentionPolicy(RP_KPIS, Duration.ZERO, false));

    private HistorySchema() {}

    /** The measurement of an aggregate kind: {@code air.district} → {@code agg_air_district}. */
    public static String aggregateMeasurement(String kind) {
        return AGGREGATE_PREFIX + kind.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    /**
     * The retention policy of an aggregate window: shorter than an hour in {@code agg_1m}, shorter
     * than a day in {@code agg_1h}, otherwise {@code agg_1d}. Windows are written as in
     * configuration ({@code 1m}, {@code 5m}, {@code 1h}, {@code 1d}).
     *
     * @throws IllegalArgumentException for a window that is not a number and a unit s/m/h/d
     */
    public static String aggregatePolicy(String window) {
        Matcher m = WINDOW.matcher(window);
        if (!m.matches()) {
            throw new IllegalArgumentException("aggregate window '" + window + "' is not like 1m");
        }
        long n = Long.parseLong(m.group(1));
        Duration d =
                switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
        if (d.compareTo(Duration.ofHours(1)) < 0) {
            return RP_AGG_1M;
        }
        return d.compareTo(Duration.ofDays(1)) < 0 ? RP_AGG_1H : RP_AGG_1D;
    }

    private static final Pattern WINDOW = Pattern.compile("(\\d{1,6})([smhd])");
}
