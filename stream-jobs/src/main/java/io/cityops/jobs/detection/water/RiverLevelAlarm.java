package io.cityops.jobs.detection.water;

import io.cityops.model.Domain;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.RiverStation;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The river-level detector of one station (DOMAIN.md, "Water level and rain"): alarm levels I, II,
 * III (Decision 05/2020/QĐ-TTg) with hysteresis. A level is entered as soon as the water reaches
 * its threshold; it is left only after the water has stayed below threshold minus margin for the
 * hold-off, so a river hovering at a threshold raises once. Readings are taken in time order by
 * {@link #onReading}; one older than the last taken (arrived out of order) goes to {@link
 * #onEarlierReading}, which can raise the level it shows but never lowers one.
 *
 * <p>Independently, a fast rise is a signal of its own (DOMAIN.md: "a fast rise alone is a signal
 * too", e.g. a hydropower release upstream): {@code water.rise} (MINOR) is raised when the rate of
 * rise over the last hour exceeds {@code riseCmPerHour}, and cleared once the rate has stayed below
 * half of it for the hold-off.
 */
public final class RiverLevelAlarm implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String TYPE = "water.level";

    /** The rate-of-rise signal, subject = station, raised whatever the alarm level. */
    public static final String RISE_TYPE = "water.rise";

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

    /**
     * The outcome of one reading: the state to keep, the {@code water.level} signal and the {@code
     * water.rise} signal to emit, if any.
     */
    public record Step(RiverLevelState state, Optional<Signal> signal, Optional<Signal> rise) {

        /** Both signals in the order they are emitted: the level first. */
        public List<Signal> signals() {
            List<Signal> all = new ArrayList<>(2);
            signal.ifPresent(all::add);
            rise.ifPresent(all::add);
            return all;
        }
    }

    /** Takes one reading; a reading older than the last one taken changes nothing. */
    public Step onReading(RiverLevelState state, long ts, double levelCm) {
        if (ts < state.latestTs()) {
            return new Step(state, Optional.empty(), Optional.empty());
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
        OptionalDouble rise = samples.risePerHour(MIN_RISE_SPAN.toMillis());
        boolean riseRaised = state.riseRaised();
        long calmSince = state.riseCalmSince();
        Optional<Signal> riseSignal = Optional.empty();
        if (rise.isPresent()) {
            double rate = rise.getAsDouble();
            if (!riseRaised) {
                if (rate > params.riseCmPerHour()) {
                    riseRaised = true;
                    calmSince = RiverLevelState.NOT_BELOW;
                    riseSignal = Optional.of(riseSignal(SignalAction.RAISE, ts, levelCm, rate));
                }
            } else if (rate < params.riseCmPerHour() / 2) {
                calmSince = calmSince == RiverLevelState.NOT_BELOW ? ts : calmSince;
                if (heldBelow(calmSince, ts, holdMs)) {
                    riseRaised = false;
                    calmSince = RiverLevelState.NOT_BELOW;
                    riseSignal = Optional.of(riseSignal(SignalAction.CLEAR, ts, levelCm, rate));
                }
            } else {
                calmSince = RiverLevelState.NOT_BELOW;
            }
        }
        RiverLevelState next = new RiverLevelState(to, belowSince, samples, riseRaised, calmSince);
        Optional<Signal> levelSignal =
                to == from ? Optional.empty() : Optional.of(signal(from, to, ts, levelCm, rise));
        return new Step(next, levelSignal, riseSignal);
    }

    /**
     * Takes a reading older than the last one taken, i.e. one that arrived out of order (a
     * station's second gauge interleaving with the first, a lagging partition after a restart, a
     * device's retry). It can raise but never lower: if the water had reached a higher alarm level
     * at its time, that level is entered at once (RAISE or UPDATE, stamped with the reading's own
     * time), as event-time order would have done, because a peak seen only by a late gauge must not
     * be lost. The rise signal stays as it is. It joins the rate-of-rise samples in its place in
     * time (the next reading's rate includes it), and if the water was not below a level's clear
     * line at its time while the newer readings are, the hold-off before that level is lowered
     * restarts from the last reading taken (the run below the line began after the older reading,
     * at the latest then). So an out-of-order reading can raise or delay a clear, never lower or
     * hasten one.
     *
     * @throws IllegalArgumentException if {@code ts} is not older than the last reading taken
     */
    public Step onEarlierReading(RiverLevelState state, long ts, double levelCm) {
        long latest = state.latestTs();
        if (ts >= latest) {
            throw new IllegalArgumentException(
                    "not older than the last reading taken (" + latest + "): " + ts);
        }
        LevelSamples samples =
                state.samples()
                        .withEarlier(
                                ts, levelCm, RISE_WINDOW.toMillis(), SAMPLE_SPACING.toMillis());
        long[] belowSince = state.belowSince();
        for (int level = 1; level <= 3; level++) {
            long since = state.belowSince(level);
            boolean below = levelCm < station.thresholdCm(level) - params.marginCm();
            if (!below && since != RiverLevelState.NOT_BELOW && since <= ts) {
                if (belowSince == state.belowSince()) {
                    belowSince = belowSince.clone(); // states never share a changed array
                }
                belowSince[level - 1] = latest;
            }
        }
        int from = state.level();
        int to = Math.max(station.alarmLevelAt(levelCm), from); // up, never down
        if (samples == state.samples() && belowSince == state.belowSince() && to == from) {
            return new Step(state, Optional.empty(), Optional.empty());
        }
        RiverLevelState next =
                new RiverLevelState(
                        to, belowSince, samples, state.riseRaised(), state.riseCalmSince());
        Optional<Signal> levelSignal =
                to == from
                        ? Optional.empty()
                        : Optional.of(
                                signal(
                                        from,
                                        to,
                                        ts,
                                        levelCm,
                                        samples.risePerHour(MIN_RISE_SPAN.toMillis())));
        return new Step(next, levelSignal, Optional.empty());
    }

    private Signal riseSignal(SignalAction action, long ts, double levelCm, double rate) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("riseCmPerHour", format(rate));
        attributes.put("thresholdCmPerHour", format(params.riseCmPerHour()));
        attributes.put("clearBelowCmPerHour", format(params.riseCmPerHour() / 2));
        attributes.put("waterLevelCm", format(levelCm));
        attributes.put("window", "1h");
        return new Signal(
                RISE_TYPE,
                station.id(),
                Domain.ENVIRONMENT,
                action,
                action == SignalAction.CLEAR ? Severity.INFO : Severity.MINOR,
                station.districtId(),
                ts,
                params.riseProvenance(),
                RiverLevelMessages.describeRise(station, action, levelCm, rate),
                attributes);
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
