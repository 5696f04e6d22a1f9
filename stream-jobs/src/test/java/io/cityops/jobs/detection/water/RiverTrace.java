package io.cityops.jobs.detection.water;

import static io.cityops.jobs.testing.RiverFixtures.minute;

import io.cityops.model.Signal;
import java.util.ArrayList;
import java.util.List;

/** Feeds a {@link RiverLevelAlarm} a river's readings in order and keeps what it said. */
final class RiverTrace {
    private final RiverLevelAlarm alarm;
    private final List<Signal> signals = new ArrayList<>();
    private final List<Signal> rises = new ArrayList<>();
    private RiverLevelState state = RiverLevelState.INITIAL;
    private double lastMinute;
    private double lastCm;

    RiverTrace(RiverLevelAlarm alarm) {
        this.alarm = alarm;
    }

    /** One reading {@code minutes} after T0. */
    RiverTrace at(double minutes, double levelCm) {
        RiverLevelAlarm.Step step = alarm.onReading(state, minute(minutes), levelCm);
        state = step.state();
        step.signal().ifPresent(signals::add);
        step.rise().ifPresent(rises::add);
        lastMinute = minutes;
        lastCm = levelCm;
        return this;
    }

    /**
     * A reading {@code minutes} after T0 that arrives after a newer one ({@link
     * RiverLevelAlarm#onEarlierReading}): it can only raise.
     */
    RiverTrace earlier(double minutes, double levelCm) {
        RiverLevelAlarm.Step step = alarm.onEarlierReading(state, minute(minutes), levelCm);
        state = step.state();
        step.signal().ifPresent(signals::add);
        step.rise().ifPresent(rises::add);
        return this;
    }

    /** A reading every minute until {@code untilMinutes}, moving linearly to {@code toCm}. */
    RiverTrace rampTo(double untilMinutes, double toCm) {
        double fromMinute = lastMinute;
        double fromCm = lastCm;
        for (double m = fromMinute + 1; m <= untilMinutes; m++) {
            at(m, fromCm + (toCm - fromCm) * (m - fromMinute) / (untilMinutes - fromMinute));
        }
        return this;
    }

    /** A reading every minute until {@code untilMinutes}, all at {@code levelCm}. */
    RiverTrace holdUntil(double untilMinutes, double levelCm) {
        for (double m = lastMinute + 1; m <= untilMinutes; m++) {
            at(m, levelCm);
        }
        return this;
    }

    /** The {@code water.level} signals. */
    List<Signal> signals() {
        return signals;
    }

    /** The {@code water.rise} signals. */
    List<Signal> rises() {
        return rises;
    }

    RiverLevelState state() {
        return state;
    }
}
