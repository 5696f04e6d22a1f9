package io.cityops.jobs.detection.power;

import static io.cityops.jobs.detection.power.PowerFixtures.TR;
import static io.cityops.jobs.detection.power.PowerFixtures.TR_METER;
import static io.cityops.jobs.detection.power.PowerFixtures.customer;
import static io.cityops.jobs.detection.power.PowerFixtures.lastGasp;
import static io.cityops.jobs.detection.power.PowerFixtures.minute;
import static io.cityops.jobs.detection.power.PowerFixtures.normal;
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

/**
 * The outage operator: silence by processing-time timers (so an outage that silences every meter,
 * and with it the whole stream, is still seen), last gasps, and state dropped with the transformer.
 */
class TransformerOutageFunctionTest {
    private static final long SILENCE_MS = 180_000; // heartbeat 60 s × 3

    private KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Signal> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new TransformerOutageFunction(PowerFixtures.roll(), PowerParams.DEFAULTS),
                        SensorReading::subjectId,
                        Types.STRING);
        harness.setProcessingTime(0);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    private void allCustomersAt(double minutes) throws Exception {
        for (int m = 1; m <= 10; m++) {
            harness.processElement(
                    normal(customer(m), minute(minutes), 221, 1_000), minute(minutes));
        }
    }

    @Test
    void everyMeterFallingSilentIsOneOutageEvenWithNoReadingsAtAll() throws Exception {
        allCustomersAt(0);
        harness.setProcessingTime(SILENCE_MS - 1);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.setProcessingTime(SILENCE_MS);

        assertThat(harness.extractOutputValues())
                .extracting(Signal::subjectId, Signal::action, s -> s.attributes().get("silent"))
                .containsExactly(tuple(TR, SignalAction.RAISE, "10"));
        assertThat(harness.extractOutputValues().get(0).attributes())
                .containsEntry("affectedCustomers", "10");
    }

    @Test
    void theOutageClearsWhenMetersReportAgainForTheHoldOff() throws Exception {
        allCustomersAt(0);
        harness.setProcessingTime(SILENCE_MS);
        allCustomersAt(5);
        allCustomersAt(6);
        assertThat(harness.extractOutputValues()).hasSize(1);

        allCustomersAt(7);

        assertThat(harness.extractOutputValues())
                .extracting(Signal::action, Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, minute(3)), tuple(SignalAction.CLEAR, minute(7)));
    }

    @Test
    void lastGaspsRaiseAtOnceAndTheTransformerMeterDoesNotCount() throws Exception {
        allCustomersAt(0);
        harness.processElement(lastGasp(TR_METER, minute(0.5), 5_000), minute(0.5));
        for (int m = 1; m <= 6; m++) {
            harness.processElement(lastGasp(customer(m), minute(0.5), 1_000), minute(0.5));
        }

        assertThat(harness.extractOutputValues())
                .extracting(Signal::action, s -> s.attributes().get("lastGasps"))
                .containsExactly(tuple(SignalAction.RAISE, "6"));
    }

    @Test
    void aTransformerWhoseMetersAllStaySilentIsForgottenWithItsStateAndTimers() throws Exception {
        allCustomersAt(0);
        harness.setProcessingTime(SILENCE_MS);
        assertThat(harness.numKeyedStateEntries()).isPositive();

        harness.setProcessingTime(SILENCE_MS + Duration.ofHours(24).toMillis());

        assertThat(harness.extractOutputValues())
                .extracting(Signal::action, s -> s.attributes().get("reason"))
                .containsExactly(
                        tuple(SignalAction.RAISE, null), tuple(SignalAction.CLEAR, "forgotten"));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void aMeterHeardAgainKeepsTheTransformerRemembered() throws Exception {
        allCustomersAt(0);
        harness.setProcessingTime(SILENCE_MS);
        harness.processElement(normal(customer(1), minute(4), 221, 1_000), minute(4));

        harness.setProcessingTime(SILENCE_MS + Duration.ofHours(24).toMillis());

        assertThat(harness.extractOutputValues())
                .extracting(s -> s.attributes().get("reason"))
                .doesNotContain("forgotten");
    }
}
