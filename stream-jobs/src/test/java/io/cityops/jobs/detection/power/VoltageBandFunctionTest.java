package io.cityops.jobs.detection.power;

import static io.cityops.jobs.detection.power.PowerFixtures.customer;
import static io.cityops.jobs.detection.power.PowerFixtures.minute;
import static io.cityops.jobs.detection.power.PowerFixtures.volts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The voltage operator: a low meter signals, a forgotten one clears, and state goes with it. */
class VoltageBandFunctionTest {
    private KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Signal> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new VoltageBandFunction(PowerFixtures.roll(), PowerParams.DEFAULTS),
                        SensorReading::subjectId,
                        Types.STRING);
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
}
