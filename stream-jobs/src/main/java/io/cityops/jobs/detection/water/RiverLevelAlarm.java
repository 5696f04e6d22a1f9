package io.cityops.jobs.detection.water;

import io.cityops.model.Domain;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.RiverStation;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The river-level detector of one station (DOMAIN.md, "Water level and rain"): alarm levels I, II,
 * III (Decision 05/2020/QĐ-TTg) with hysteresis. A level is entered as soon as the water reaches
 * its threshold; it is left only after the water has stayed below threshold minus margin for the
 * hold-off, so a river hovering at a threshold raises once. Readings must come in event-time order.
 */
public final class RiverLevelAlarm implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String TYPE = "water.level";

    /** The rate of rise is measured over the last hour (DOMAIN.md). */
    public static final Duration RISE_WINDOW = Duration.ofHours(1);

    /** One kept sample per minute bounds the window to about 60 samples. */
    static final Duration SAMPLE_SPACING = Duration.ofMinutes(1);

    /** Below ten minutes of samples a rate would mostly measure gauge noise. */
    static final Duration MIN_RISE_SPAN = Duration.ofMinutes(10);

    private final RiverStation station;
    private final RiverLevelParams params;

    public RiverLevelAlarm(RiverStation station, RiverLevelParams params) {
        this.station = Objects.requireNonNull(station, "station");
        this.params = Objects.requireNonNull(params, "params");
    }

    public RiverStation station() {
        return station;
    }

    /** The outcome of one reading: the state to keep and the signal to emit, if any. */
    public record Step(RiverLevelState state, Optional<Signal> signal) {}

    /** Takes one reading; a reading older than the last one taken changes nothing. */
    public Step onReading(RiverLevelState state, long ts, double levelCm) {
        if (ts < state.latestTs()) {
            return new Step(state, Optional.empty());
        }
        LevelSamples samples =
                state.samples()
                        .with(ts, levelCm, RISE_WINDOW.toMillis(), SAMPLE_SPACING.toMillis());
        long[] belowSince = new long[3];
        for (int level = 1; level <= 3; level++) {
            boolean below = levelCm < station.thresholdCm(level) - params.marginCm();
            long since = state.belowSince(level);
            belowSince[level - 1] =
                    !below
                            ? RiverLevelState.NOT_BELOW
                            : since == RiverLevelState.NOT_BELOW ? ts : since;
        }
        int from = state.level();
        int to = Math.max(station.alarmLevelAt(levelCm), from); // up at once
        long holdMs = params.clearHoldOff().toMillis();
        while (to > 0 && to <= from && heldBelow(belowSince[to - 1], ts, holdMs)) {
            to--; // down one level for each clear line the water has stayed under for the hold-off
        }
        RiverLevelState next = new RiverLevelState(to, belowSince, samples);
        if (to == from) {
            return new Step(next, Optional.empty());
        }
        OptionalDouble rise = samples.risePerHour(MIN_RISE_SPAN.toMillis());
        return new Step(next, Optional.of(signal(from, to, ts, levelCm, rise)));
    }

    private static boolean heldBelow(long since, long ts, long holdMs) {
        return since != RiverLevelState.NOT_BELOW && ts - since >= holdMs;
    }

    private Signal signal(int from, int to, long ts, double levelCm, OptionalDouble rise) {
        SignalAction action =
                from == 0 ? SignalAction.RAISE : to == 0 ? SignalAction.CLEAR : SignalAction.UPDATE;
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("level", String.valueOf(to));
        attributes.put("previousLevel", String.valueOf(from));
        attributes.put("waterLevelCm", format(levelCm));
        attributes.put("thresholdCm", format(station.thresholdCm(Math.max(to, 1))));
        rise.ifPresent(r -> attributes.put("riseCmPerHour", format(r)));
        return new Signal(
                TYPE,
                station.id(),
                Domain.ENVIRONMENT,
                action,
                severity(to),
                station.districtId(),
                ts,
                params.provenance(),
                RiverLevelMessages.describe(station, from, to, levelCm, rise),
                attributes);
    }

    /** I → MINOR, II → MAJOR, III → CRITICAL; a cleared station is INFO (its state now). */
    static Severity severity(int level) {
        return switch (level) {
            case 1 -> Severity.MINOR;
            case 2 -> Severity.MAJOR;
            case 3 -> Severity.CRITICAL;
            default -> Severity.INFO;
        };
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
