package io.cityops.jobs.detection.power;

import static io.cityops.jobs.detection.power.PowerFixtures.customer;
import static io.cityops.jobs.detection.power.PowerFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.config.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Tamper suspects: reverse energy, or a drop to near zero while the neighbours carry on. */
class TamperWatchTest {
    /** A baseline of 4 hours keeps the scenarios short. */
    private final TamperWatch watch =
            new TamperWatch(
                    PowerParams.from(
                            Settings.of(Map.of(PowerParams.TAMPER_MIN_HISTORY_HOURS, "4"))));

    private final Map<String, TamperState> states = new HashMap<>();
    private final List<Signal> signals = new ArrayList<>();
    private int hour;

    /** One hour of five meters; {@code wh} gives each meter's energy, {@code reverse} meter 5's. */
    private void hour(IntToDoubleFunction wh, double reverseOfMeterFive) {
        long start = minute(60 * hour++);
        Map<String, MeterHour> hours = new LinkedHashMap<>();
        for (int m = 1; m <= 5; m++) {
            hours.put(
                    customer(m),
                    new MeterHour(
                            start, wh.applyAsDouble(m), m == 5 ? reverseOfMeterFive : 0, true));
        }
        TamperWatch.Step step = watch.onHour(start, hours, states, "105");
        states.putAll(step.states());
        signals.addAll(step.signals());
    }

    private void normalHours(int n) {
        for (int i = 0; i < n; i++) {
            hour(m -> 500, 0);
        }
    }

    @Test
    void aMeterDroppingToNearZeroWhileItsNeighboursDoNotIsSuspectOnce() {
        normalHours(4);
        hour(m -> m == 2 ? 20 : 480, 0);
        hour(m -> m == 2 ? 10 : 510, 0);

        assertThat(signals)
                .extracting(Signal::type, Signal::subjectId, Signal::action, Signal::severity)
                .containsExactly(
                        tuple("power.tamper", customer(2), SignalAction.RAISE, Severity.MINOR));
        assertThat(signals.get(0).attributes())
                .containsEntry("reason", "lowConsumption")
                .containsEntry("share", "4%")
                .containsEntry("neighboursMedianShare", "96%");
    }

    @Test
    void aDropTheNeighboursShareIsNoSuspect() {
        normalHours(4);
        hour(m -> m == 2 ? 20 : 100, 0); // the whole village at 20 % (night, or an outage)

        assertThat(signals).isEmpty();
    }

    @Test
    void noSuspicionBeforeTheMeterHasABaseline() {
        normalHours(3);
        hour(m -> m == 2 ? 0 : 500, 0);

        assertThat(signals).isEmpty();
    }

    @Test
    void reverseEnergyIsSuspectAtOnce() {
        hour(m -> 500, 35);
        hour(m -> 500, 40);

        assertThat(signals)
                .extracting(Signal::subjectId, Signal::action)
                .containsExactly(tuple(customer(5), SignalAction.RAISE));
        assertThat(signals.get(0).attributes()).containsEntry("reason", "reverseEnergy");
    }

    @Test
    void aSuspectClearsAfterADayOfNormalHours() {
        normalHours(4);
        hour(m -> m == 2 ? 0 : 500, 0); // hour 4: raised
        normalHours(23);
        assertThat(signals).hasSize(1);

        normalHours(1); // hours 5..28: 24 normal hours

        assertThat(signals)
                .extracting(Signal::subjectId, Signal::action, Signal::eventTime)
                .containsExactly(
                        tuple(customer(2), SignalAction.RAISE, minute(5 * 60)),
                        tuple(customer(2), SignalAction.CLEAR, minute(29 * 60)));
    }
}
