package io.cityops.jobs.detection.power;

import static io.cityops.jobs.detection.power.PowerFixtures.TR;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The voltage band (±5 % of 220 or 230 V) and the meter/transformer decision. */
class VoltageBandTest {
    private static final VoltageBand AT_220 = new VoltageBand(PowerParams.DEFAULTS);
    private static final VoltageBand AT_230 =
            new VoltageBand(
                    PowerParams.from(Settings.of(Map.of(PowerParams.NOMINAL_VOLTAGE_V, "230"))));

    @Test
    void theBandIsFivePercentAroundTheConfiguredNominal() {
        assertThat(AT_220.inside(209.0)).isTrue();
        assertThat(AT_220.inside(231.0)).isTrue();
        assertThat(AT_220.inside(208.9)).isFalse();
        assertThat(AT_220.inside(231.1)).isFalse();
        assertThat(AT_230.inside(218.5)).isTrue();
        assertThat(AT_230.inside(241.5)).isTrue();
        // 218 V is fine on an EVN 220 V grid and low against TCVN's 230 V
        assertThat(AT_220.inside(218)).isTrue();
        assertThat(AT_230.inside(218)).isFalse();
    }

    /** A scripted transformer: feeds readings, keeps the states, collects the signals. */
    private static final class Transformer {
        final VoltageBand band;
        final Map<String, MeterVoltage> meters = new HashMap<>();
        TransformerVoltage tv = TransformerVoltage.INITIAL;
        final List<Signal> signals = new ArrayList<>();

        Transformer(VoltageBand band) {
            this.band = band;
        }

        void read(int meter, double minutes, double volts) {
            String id = customer(meter);
            meters.put(id, band.meter(meters.get(id), minute(minutes), volts, false));
            VoltageBand.Step step = band.decide(tv, meters, id, 10, TR, "105", minute(minutes));
            meters.putAll(step.meters());
            tv = step.transformer();
            signals.addAll(step.signals());
        }

        /**
         * Every meter in {@code outside} at {@code volts}, the others at 221 V, minute by minute.
         */
        void minutes(int from, int to, List<Integer> outside, double volts) {
            for (int t = from; t <= to; t++) {
                for (int m = 1; m <= 10; m++) {
                    read(m, t, outside.contains(m) ? volts : 221);
                }
            }
        }
    }

    @Test
    void oneMeterOutsideForFiveMinutesIsAMinorSignalForThatMeter() {
        Transformer t = new Transformer(AT_220);
        t.minutes(0, 4, List.of(3), 205);
        assertThat(t.signals).isEmpty(); // outside from 0 to 4: four minutes

        t.minutes(5, 5, List.of(3), 205);

        assertThat(t.signals)
                .extracting(Signal::subjectId, Signal::action, Signal::severity, Signal::eventTime)
                .containsExactly(tuple(customer(3), SignalAction.RAISE, Severity.MINOR, minute(5)));
        assertThat(t.signals.get(0).attributes())
                .containsEntry("direction", "under")
                .containsEntry("voltageV", "205.0");
    }

    @Test
    void theSameVoltageIsOnlyOutsideAgainstTwoHundredThirtyVolts() {
        Transformer evn = new Transformer(AT_220);
        Transformer tcvn = new Transformer(AT_230);
        evn.minutes(0, 6, List.of(3), 216);
        tcvn.minutes(0, 6, List.of(3), 216);

        assertThat(evn.signals).isEmpty();
        assertThat(tcvn.signals).extracting(Signal::subjectId).containsExactly(customer(3));
    }

    @Test
    void aMeterClearsAfterTheHoldOffBackInsideTheBand() {
        Transformer t = new Transformer(AT_220);
        t.minutes(0, 5, List.of(3), 235);
        t.minutes(6, 7, List.of(), 0);
        assertThat(t.signals).hasSize(1); // inside since 6: one minute

        t.minutes(8, 8, List.of(), 0);

        assertThat(t.signals)
                .extracting(Signal::action, Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, minute(5)), tuple(SignalAction.CLEAR, minute(8)));
    }

    @Test
    void halfTheMetersOutsideIsOneTransformerSignalAndNoMeterSignals() {
        Transformer t = new Transformer(AT_220);
        t.minutes(0, 9, List.of(1, 2, 3, 4, 5), 200);

        assertThat(t.signals)
                .extracting(Signal::subjectId, Signal::action, Signal::severity)
                .containsExactly(tuple(TR, SignalAction.RAISE, Severity.MAJOR));
        assertThat(t.signals.get(0).attributes())
                .containsEntry("metersOutside", "5")
                .containsEntry("direction", "under");
    }

    @Test
    void aMeterAlreadyRaisedIsClearedWhenItsTransformerGoesOutOfBand() {
        Transformer t = new Transformer(AT_220);
        t.minutes(0, 5, List.of(1), 200);
        t.minutes(6, 12, List.of(1, 2, 3, 4, 5), 200);

        assertThat(t.signals)
                .extracting(Signal::subjectId, Signal::action)
                .containsExactly(
                        tuple(customer(1), SignalAction.RAISE),
                        tuple(customer(1), SignalAction.CLEAR),
                        tuple(TR, SignalAction.RAISE));
        assertThat(t.signals.get(1).attributes()).containsEntry("coveredBy", "transformer " + TR);
    }

    @Test
    void anOutageIsNotAVoltageProblem() {
        Transformer t = new Transformer(AT_220);
        t.minutes(0, 15, List.of(1, 2, 3, 4, 5, 6, 7, 8), 0);

        assertThat(t.signals).isEmpty();
    }
}
