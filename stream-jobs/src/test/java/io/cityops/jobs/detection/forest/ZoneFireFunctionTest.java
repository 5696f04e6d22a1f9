package io.cityops.jobs.detection.forest;

import static io.cityops.jobs.detection.forest.ForestFixtures.A1;
import static io.cityops.jobs.detection.forest.ForestFixtures.A2;
import static io.cityops.jobs.detection.forest.ForestFixtures.air;
import static io.cityops.jobs.detection.forest.ForestFixtures.flame;
import static io.cityops.jobs.detection.forest.ForestFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Flink operator around the fire watch: event-time order, late data, state and timers. */
class ZoneFireFunctionTest {
    private final ZoneFireFunction function =
            new ZoneFireFunction(ForestFixtures.city(), ForestParams.DEFAULTS);
    private KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Signal> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        function, SensorReading::subjectId, Types.STRING);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    private void send(SensorReading r) throws Exception {
        harness.processElement(r, r.ts());
    }

    private void watermarkAt(double minutes) throws Exception {
        harness.processWatermark(minute(minutes));
    }

    @Test
    void readingsWaitForTheWatermarkAndAreTakenInEventTimeOrder() throws Exception {
        // In arrival order the hot, smoky reading would come first, with no earlier temperature
        // to measure a rise against, and nothing would be raised.
        send(air(A1, 5, 33, 300));
        send(air(A1, 0, 22, 1));
        send(air(A2, 3, 22, 1));
        assertThat(harness.extractOutputValues()).isEmpty();

        watermarkAt(5);

        assertThat(harness.extractOutputStreamRecords())
                .extracting(
                        r -> ((Signal) r.getValue()).action(),
                        r -> ((Signal) r.getValue()).severity(),
                        StreamRecord::getTimestamp)
                .containsExactly(tuple(SignalAction.RAISE, Severity.MAJOR, minute(5)));
    }

    @Test
    void aReadingBehindTheWatermarkIsCountedAndSetAside() throws Exception {
        watermarkAt(10);

        send(flame(A1, 9));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.getSideOutput(ZoneFireFunction.LATE))
                .extracting(r -> r.getValue().sensorId())
                .containsExactly(A1);
        assertThat(function.lateReadings()).isEqualTo(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void aFireThatGoesOutIsClearedByTimerAndTheZoneForgetsEverything() throws Exception {
        send(air(A1, 0, 22, 1));
        send(air(A1, 5, 33, 300));
        send(air(A2, 6, 23, 120));
        send(air(A1, 8, 30, 2)); // the last readings: the stations then fall silent
        send(air(A2, 8, 22, 1));
        watermarkAt(8);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1); // the clear, due at 6 + 30

        watermarkAt(35);
        assertThat(harness.extractOutputValues()).hasSize(2);
        watermarkAt(36);

        assertThat(harness.extractOutputValues())
                .extracting(Signal::action, Signal::severity, Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, Severity.MAJOR, minute(5)),
                        tuple(SignalAction.UPDATE, Severity.CRITICAL, minute(6)),
                        tuple(SignalAction.CLEAR, Severity.INFO, minute(36)));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aQuietZoneIsForgottenOnceItsTracesAgeOut() throws Exception {
        for (int m = 0; m <= 4; m++) {
            send(air(A1, m, 22, 1));
            send(air(A2, m, 21, 1));
        }
        watermarkAt(4);
        assertThat(harness.numKeyedStateEntries()).isPositive();
        assertThat(harness.numEventTimeTimers()).isEqualTo(1); // forget, due at 4 + 15

        watermarkAt(19);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aDuplicateReadingCountsOnce() throws Exception {
        send(air(A1, 0, 22, 1));
        send(air(A1, 5, 33, 300));
        send(air(A1, 5, 33, 300));
        watermarkAt(5);

        assertThat(harness.extractOutputValues())
                .extracting(Signal::action)
                .containsExactly(SignalAction.RAISE);
    }
}
