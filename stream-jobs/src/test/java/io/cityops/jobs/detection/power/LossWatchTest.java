package io.cityops.jobs.detection.power;

import static io.cityops.jobs.detection.power.PowerFixtures.TR;
import static io.cityops.jobs.detection.power.PowerFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Three consecutive complete lossy hours raise; one hour below clears; incomplete hours skip. */
class LossWatchTest {
    private final LossWatch watch = new LossWatch(PowerParams.DEFAULTS);
    private LossState state = LossState.INITIAL;
    private final List<Signal> signals = new ArrayList<>();
    private int hour;

    private void hour(double lossShare, boolean complete) {
        long start = minute(60 * hour++);
        HourBalance b = new HourBalance(start, 10_000, 10_000 * (1 - lossShare), 10, 10, complete);
        LossWatch.Step step = watch.onHour(state, b, TR, "105");
        state = step.state();
        step.signal().ifPresent(signals::add);
    }

    @Test
    void threeLossyHoursRaiseOnceAndOneNormalHourClears() {
        hour(0.2, true);
        hour(0.2, true);
        assertThat(signals).isEmpty();
        hour(0.2, true);
        hour(0.25, true);
        hour(0.05, true);

        assertThat(signals)
                .extracting(Signal::action, Signal::severity, Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, Severity.MINOR, minute(180)),
                        tuple(SignalAction.CLEAR, Severity.INFO, minute(300)));
        assertThat(signals.get(0).attributes())
                .containsEntry("lossShare", "20%")
                .containsEntry("hours", "3");
    }

    @Test
    void exactlyTheThresholdIsNotLossy() {
        hour(0.12, true);
        hour(0.12, true);
        hour(0.12, true);

        assertThat(signals).isEmpty();
    }

    @Test
    void aNormalHourBreaksTheStreak() {
        hour(0.2, true);
        hour(0.2, true);
        hour(0.1, true);
        hour(0.2, true);
        hour(0.2, true);

        assertThat(signals).isEmpty();
    }

    @Test
    void incompleteHoursNeitherCountNorBreakTheStreak() {
        hour(0.2, true);
        hour(0.9, false); // a missing meter: looks like 90 % loss, but proves nothing
        hour(0.2, true);
        assertThat(signals).isEmpty();
        hour(0.2, true);

        assertThat(signals).extracting(Signal::action).containsExactly(SignalAction.RAISE);
    }
}
