package io.cityops.jobs.detection.health;

import static io.cityops.jobs.detection.health.HealthFixtures.FOREST;
import static io.cityops.jobs.detection.health.HealthFixtures.METER;
import static io.cityops.jobs.detection.health.HealthFixtures.T0;
import static io.cityops.jobs.detection.health.HealthFixtures.minute;
import static io.cityops.jobs.detection.health.HealthFixtures.reading;
import static io.cityops.jobs.detection.health.HealthFixtures.weather;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.jobs.detection.registry.SensorEnrichmentFunction;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.SensorRegistration;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator around the health rules: processing-time silence timers that fire with no input at
 * all, customer meters exempt, retirement, and state dropped when its reason goes.
 */
class SensorHealthFunctionTest {
    /** Processing time of the test: the readings arrive as they are made. */
    private static final long NOW = T0.toEpochMilli();

    private KeyedBroadcastOperatorTestHarness<String, SensorReading, SensorRegistration, Signal>
            harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                        new SensorHealthFunction(SensorHealthParams.DEFAULTS),
                        SensorReading::sensorId,
                        Types.STRING,
                        SensorEnrichmentFunction.REGISTRY);
        harness.setProcessingTime(NOW);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    private void at(double minutes) throws Exception {
        harness.setProcessingTime(minute(minutes));
    }

    private void take(SensorReading r) throws Exception {
        harness.processElement(r, r.ts());
    }

    private int keyedStateEntries() {
        return ((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend())
                .numKeyValueStateEntries();
    }

    @Test
    void aSensorThatStopsIsSilentAfterThreeHeartbeatsWithNoInputAtAllAndClearsWhenBack()
            throws Exception {
        take(weather(0, 20, 60));
        at(1);
        take(weather(1, 20.1, 61));

        at(3.99);
        assertThat(harness.extractOutputValues()).isEmpty();
        at(4); // 1 min + 3 × 60 s, no reading and no watermark in between
        at(10);
        take(weather(10, 20.2, 62));

        assertThat(harness.extractOutputValues())
                .extracting(Signal::type, Signal::action, Signal::subjectId, Signal::eventTime)
                .containsExactly(
                        tuple("sensor.silent", SignalAction.RAISE, "fs-104-01", minute(4)),
                        tuple("sensor.silent", SignalAction.CLEAR, "fs-104-01", minute(10)));
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1); // the next silence deadline
    }

    @Test
    void customerMetersGoingSilentRaiseNothingAndLeaveNoState() throws Exception {
        take(reading(METER, 0, Map.of("voltageV", 229.0)));
        at(3);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(keyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void aSilentSensorsStateIsDroppedAfterTheRetention() throws Exception {
        take(weather(0, 20, 60));
        at(3);
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(keyedStateEntries()).isEqualTo(1);

        harness.setProcessingTime(minute(3) + Duration.ofDays(7).toMillis());

        assertThat(keyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void aSilentSensorBackAfterTheRetentionDroppedItsStateHadItsSilentAlertCleared()
            throws Exception {
        take(weather(0, 20, 60));
        at(3); // silent: RAISE
        long afterRetention =
                minute(3) + SensorHealthParams.DEFAULTS.retention().toMillis() + 60_000;
        harness.setProcessingTime(afterRetention); // state dropped while the alert is open
        SensorReading again = weather((afterRetention - minute(0)) / 60_000.0, 21, 61);
        harness.setProcessingTime(again.ts());
        take(again);

        assertThat(harness.extractOutputValues())
                .extracting(Signal::type, Signal::action, s -> s.attributes().get("reason"))
                .containsExactly(
                        tuple("sensor.silent", SignalAction.RAISE, null),
                        tuple("sensor.silent", SignalAction.CLEAR, "forgotten"));
    }

    @Test
    void aStuckCustomerMeterFallingSilentHasItsStuckAlertClearedWithItsState() throws Exception {
        int stuck = SensorHealthParams.DEFAULTS.stuckReadings();
        for (int i = 0; i < stuck; i++) {
            at(i);
            take(reading(METER, i, Map.of("voltageV", 229.0)));
        }
        at(stuck + 2); // three heartbeats after the last reading

        assertThat(harness.extractOutputValues())
                .extracting(Signal::type, Signal::action, s -> s.attributes().get("reason"))
                .containsExactly(
                        tuple("sensor.stuck", SignalAction.RAISE, null),
                        tuple("sensor.stuck", SignalAction.CLEAR, "forgotten"));
        assertThat(keyedStateEntries()).isZero();
    }

    @Test
    void aBacklogReadingOlderThanTheSilenceWindowDoesNotReviveASilentSensor() throws Exception {
        take(weather(0, 20, 60));
        at(3);
        at(20);
        take(weather(2, 20, 60)); // arrives 18 minutes after it was made

        assertThat(harness.extractOutputValues())
                .extracting(Signal::type, Signal::action)
                .containsExactly(tuple("sensor.silent", SignalAction.RAISE));
    }

    @Test
    void retiringASensorClearsItsOpenSignalsAndDropsItsState() throws Exception {
        take(weather(0, 20, 60));
        at(3);
        harness.processBroadcastElement(SensorRegistration.retirement(FOREST.id()), NOW);
        at(20); // nothing more happens for it

        assertThat(harness.extractOutputValues())
                .extracting(Signal::type, Signal::action)
                .containsExactly(
                        tuple("sensor.silent", SignalAction.RAISE),
                        tuple("sensor.silent", SignalAction.CLEAR));
        assertThat(keyedStateEntries()).isZero();
    }
}
