package io.cityops.jobs.detection.forest;

import io.cityops.model.Aggregate;
import io.cityops.model.Domain;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The daily fire-danger rating of one forest zone (DOMAIN.md, "Forest"): each closed day advances
 * the zone's Nesterov index and gives a {@code forest.zone} aggregate; the {@code
 * forest.fire-danger} alert is raised when the zone reaches level III (III MINOR, IV MAJOR, V
 * CRITICAL), updated when the level changes and cleared when it falls below III.
 */
public final class FireDangerWatch implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String TYPE = "forest.fire-danger";
    public static final String AGGREGATE_KIND = "forest.zone";

    private final ForestParams params;

    public FireDangerWatch(ForestParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The outcome of one day: the index to keep, the day's aggregate, the signal if any. */
    public record Step(FireDangerState state, Aggregate aggregate, Optional<Signal> signal) {}

    /** Closes the day starting at {@code dayStart} for {@code zoneId}. */
    public Step onDay(
            FireDangerState s,
            String zoneId,
            String zoneName,
            String districtId,
            long dayStart,
            ZoneDay day) {
        DayWeather w = day.weather(params.variant());
        double p = NesterovIndex.next(s.nesterov(), w, params.variant());
        int level = params.levelsOf(zoneId).level(p);
        FireDangerState next = new FireDangerState(p, level, dayStart);

        Map<String, Double> values = new HashMap<>();
        values.put("nesterov", p);
        values.put("level", (double) level);
        values.put("rainMm", w.rainMm());
        if (Double.isFinite(w.t13())) {
            values.put("t13C", w.t13());
            values.put("d13", w.d13());
        }
        Aggregate aggregate =
                new Aggregate(
                        AGGREGATE_KIND,
                        zoneId,
                        Domain.FOREST,
                        districtId,
                        "1d",
                        dayStart,
                        values,
                        Map.of(
                                "level", FireDangerLevels.roman(level),
                                "variant", params.variant().key()));

        Optional<Signal> signal = Optional.empty();
        if (next.alerting() && !s.alerting()) {
            signal =
                    Optional.of(
                            signal(
                                    SignalAction.RAISE,
                                    s,
                                    next,
                                    zoneId,
                                    zoneName,
                                    districtId,
                                    day.noon13(),
                                    w));
        } else if (next.alerting() && level != s.level()) {
            signal =
                    Optional.of(
                            signal(
                                    SignalAction.UPDATE,
                                    s,
                                    next,
                                    zoneId,
                                    zoneName,
                                    districtId,
                                    day.noon13(),
                                    w));
        } else if (!next.alerting() && s.alerting()) {
            signal =
                    Optional.of(
                            signal(
                                    SignalAction.CLEAR,
                                    s,
                                    next,
                                    zoneId,
                                    zoneName,
                                    districtId,
                                    day.noon13(),
                                    w));
        }
        return new Step(next, aggregate, signal);
    }

    /**
     * The zone has sent nothing for the forget period: its index is unknown, so an open alert is
     * cleared (with {@code reason=no-data}) before the state is dropped.
     */
    public Optional<Signal> onForget(
            FireDangerState s, String zoneId, String zoneName, String districtId, long t) {
        if (!s.alerting()) {
            return Optional.empty();
        }
        Map<String, String> a = new LinkedHashMap<>();
        a.put("level", "-");
        a.put("previousLevel", FireDangerLevels.roman(s.level()));
        a.put("nesterov", format(s.nesterov()));
        a.put("reason", "no-data");
        return Optional.of(
                new Signal(
                        TYPE,
                        zoneId,
                        Domain.FOREST,
                        SignalAction.CLEAR,
                        Severity.INFO,
                        districtId,
                        t,
                        params.dangerProvenance(zoneId),
                        zoneName + " (" + zoneId + "): no weather readings, fire danger unknown",
                        a));
    }

    private Signal signal(
            SignalAction action,
            FireDangerState before,
            FireDangerState after,
            String zoneId,
            String zoneName,
            String districtId,
            long eventTime,
            DayWeather w) {
        FireDangerLevels levels = params.levelsOf(zoneId);
        Map<String, String> a = new LinkedHashMap<>();
        a.put("level", FireDangerLevels.roman(after.level()));
        a.put("previousLevel", FireDangerLevels.roman(before.level()));
        a.put("nesterov", format(after.nesterov()));
        a.put("thresholds", levels.toString());
        a.put("variant", params.variant().key());
        a.put("rainMm", format(w.rainMm()));
        if (Double.isFinite(w.t13())) {
            a.put("t13C", format(w.t13()));
            a.put("d13", format(w.d13()));
        }
        String message =
                action == SignalAction.CLEAR
                        ? String.format(
                                Locale.ROOT,
                                "%s (%s): fire danger down to level %s (Nesterov %.0f)",
                                zoneName,
                                zoneId,
                                FireDangerLevels.roman(after.level()),
                                after.nesterov())
                        : String.format(
                                Locale.ROOT,
                                "%s (%s): fire danger level %s (Nesterov %.0f)",
                                zoneName,
                                zoneId,
                                FireDangerLevels.roman(after.level()),
                                after.nesterov());
        return new Signal(
                TYPE,
                zoneId,
                Domain.FOREST,
                action,
                severity(after.level()),
                districtId,
                eventTime,
                params.dangerProvenance(zoneId),
                message,
                a);
    }

    /** III → MINOR, IV → MAJOR, V → CRITICAL; below III (a cleared zone) INFO. */
    static Severity severity(int level) {
        return switch (level) {
            case 3 -> Severity.MINOR;
            case 4 -> Severity.MAJOR;
            case 5 -> Severity.CRITICAL;
            default -> Severity.INFO;
        };
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
