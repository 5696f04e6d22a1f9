package io.cityops.jobs.detection.power;

import static io.cityops.jobs.detection.power.PowerFixtures.TR;
import static io.cityops.jobs.detection.power.PowerFixtures.customer;
import static io.cityops.jobs.detection.power.PowerFixtures.minute;
import static io.cityops.jobs.detection.power.PowerFixtures.volts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntBinaryOperator;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The voltage operator: a low meter signals, a forgotten one (or a forgotten transformer-wide
 * signal) clears, state goes with it, and a reading costs O(1) state reads with the same decisions.
 */
class VoltageBandFunctionTest {
    private KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Signal> harness;
    private VoltageBandFunction function;

    @BeforeEach
    void openHarness() throws Exception {
        function = new VoltageBandFunction(PowerFixtures.roll(), PowerParams.DEFAULTS);
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        function, SensorReading::subjectId, Types.STRING);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void aLowMeterSignalsAndIsClearedAndDroppedOnceItStopsReporting() throws Exception {
        for (int t = 0; t <= 6; t++) {
            for (int m = 1; m <= 10; m++) {
                double v = m == 4 ? 204 : 221;
                harness.processElement(volts(customer(m), minute(t), v), minute(t));
            }
        }
        harness.processWatermark(minute(60));
        assertThat(harness.numKeyedStateEntries()).isPositive();

        harness.processWatermark(minute(60) + Duration.ofHours(24).toMillis());

        assertThat(harness.extractOutputValues())
                .extracting(Signal::subjectId, Signal::action, s -> s.attributes().get("reason"))
                .containsExactly(
                        tuple(customer(4), SignalAction.RAISE, null),
                        tuple(customer(4), SignalAction.CLEAR, "forgotten"));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    /** Minute by minute, every customer of {@code tr-105-1}: {@code volts(minute, meter)}. */
    private void minutes(int from, int to, IntBinaryOperator volts) throws Exception {
        for (int t = from; t <= to; t++) {
            for (int m = 1; m <= 10; m++) {
                harness.processElement(
                        volts(customer(m), minute(t), volts.applyAsInt(t, m)), minute(t));
            }
        }
    }

    @Test
    void aTransformerWideSignalIsClearedWhenAllItsMetersAreForgotten() throws Exception {
        minutes(0, 6, (t, m) -> m <= 6 ? 200 : 221);
        harness.processWatermark(minute(60));

        harness.processWatermark(minute(60) + Duration.ofHours(24).toMillis());

        assertThat(harness.extractOutputValues())
                .extracting(Signal::subjectId, Signal::action, s -> s.attributes().get("reason"))
                .containsExactly(
                        tuple(TR, SignalAction.RAISE, null),
                        tuple(TR, SignalAction.CLEAR, "forgotten"));
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    /**
     * A reading updates running counts from its own meter only: the transformer's meters are read
     * in full once (its first reading) and then only for the transformer-level RAISE and CLEAR, not
     * once per reading (it used to be 10 meters × 40 readings here).
     */
    @Test
    void aReadingDoesNotReadEveryMeterOfItsTransformer() throws Exception {
        minutes(0, 20, (t, m) -> m <= 6 ? 200 : 221);
        minutes(21, 40, (t, m) -> m == 2 ? 240 : 221);

        assertThat(harness.extractOutputValues())
                .extracting(Signal::subjectId, Signal::action)
                .containsExactly(
                        tuple(TR, SignalAction.RAISE),
                        tuple(TR, SignalAction.CLEAR),
                        tuple(customer(2), SignalAction.RAISE));
        assertThat(function.fullScans()).isEqualTo(3);
    }

    /** The operator's running counts decide exactly as the whole-map decision does. */
    @Test
    void theCountedDecisionGivesTheSameSignalsAsTheWholeMapOne() throws Exception {
        IntBinaryOperator script =
                (t, m) ->
                        t < 8
                                ? (m == 1 ? 205 : 221)
                                : t < 20 ? (m <= 5 ? 236 : m == 9 ? 0 : 221) : m <= 3 ? 207 : 222;
        minutes(0, 35, script);

        VoltageBand band = new VoltageBand(PowerParams.DEFAULTS);
        Map<String, MeterVoltage> meters = new HashMap<>();
        TransformerVoltage tv = TransformerVoltage.INITIAL;
        List<Signal> expected = new ArrayList<>();
        for (int t = 0; t <= 35; t++) {
            for (int m = 1; m <= 10; m++) {
                String id = customer(m);
                meters.put(
                        id, band.meter(meters.get(id), minute(t), script.applyAsInt(t, m), false));
                VoltageBand.Step step = band.decide(tv, meters, id, 10, TR, "105", minute(t));
                meters.putAll(step.meters());
                tv = step.transformer();
                expected.addAll(step.signals());
            }
        }

        assertThat(expected).isNotEmpty();
        assertThat(harness.extractOutputValues()).containsExactlyElementsOf(expected);
    }
}
