package io.cityops.jobs.detection.health;

import static io.cityops.jobs.detection.health.HealthFixtures.minute;
import static io.cityops.jobs.detection.health.HealthFixtures.weather;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.jobs.detection.registry.SensorEnrichmentFunction;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.SensorRegistration;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Restoring the health operator from a checkpoint after a downtime: the processing-time silence
 * deadlines in the checkpoint are all overdue, and the readings of the downtime wait in Kafka. A
 * sensor that reported all along must not be called silent (one {@code sensor.silent} RAISE+CLEAR
 * per sensor of the province), however long the backlog takes to read; a sensor that really died is
 * still called silent, one silence window after the restore.
 */
class SensorHealthRestoreTest {
    private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(30);

    private static KeyedBroadcastOperatorTestHarness<
                    String, SensorReading, SensorRegistration, Signal>
            harness() throws Exception {
        return new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(
                        new SensorHealthFunction(SensorHealthParams.DEFAULTS, OUT_OF_ORDERNESS),
                        List.of(SensorEnrichmentFunction.REGISTRY)),
                SensorReading::sensorId,
                Types.STRING,
                1,
                1,
                0);
    }

    /** Minutes 0..2 reported live, then a checkpoint at minute 2 and the job goes down. */
    private static OperatorSubtaskState beforeTheDowntime() throws Exception {
        KeyedBroadcastOperatorTestHarness<String, SensorReading, SensorRegistration, Signal>
                before = harness();
        before.open();
        for (int m = 0; m <= 2; m++) {
            before.setProcessingTime(minute(m));
            take(before, weather(m, 20 + m * 0.1, 60));
        }
        OperatorSubtaskState snapshot = before.snapshot(1L, minute(2));
        before.close();
        return snapshot;
    }

    private static KeyedBroadcastOperatorTestHarness<
                    String, SensorReading, SensorRegistration, Signal>
            restoredFrom(OperatorSubtaskState snapshot) throws Exception {
        KeyedBroadcastOperatorTestHarness<String, SensorReading, SensorRegistration, Signal> after =
                harness();
        after.setup();
        after.initializeState(snapshot);
        after.open();
        after.processBroadcastWatermark(Long.MAX_VALUE); // the registry input is idle
        return after;
    }

    private static void take(
            KeyedBroadcastOperatorTestHarness<String, SensorReading, SensorRegistration, Signal> h,
            SensorReading r)
            throws Exception {
        h.processElement(r, r.ts());
    }

    @Test
    void aRestoreAfterTenMinutesDowntimeWithTheBacklogReadAtOnceRaisesNoSilence() throws Exception {
        KeyedBroadcastOperatorTestHarness<String, SensorReading, SensorRegistration, Signal> after =
                restoredFrom(beforeTheDowntime());
        after.setProcessingTime(minute(12)); // back 10 minutes later
        for (int m = 3; m <= 12; m++) { // the backlog, read at once
            take(after, weather(m, 20 + m * 0.1, 60));
        }
        after.setProcessingTime(minute(13));
        take(after, weather(13, 21, 60));
        after.setProcessingTime(minute(15.99));

        assertThat(after.extractOutputValues()).isEmpty();
        after.close();
    }

    @Test
    void aBacklogOfAnHourReadOverSeveralMinutesRaisesNoSilence() throws Exception {
        KeyedBroadcastOperatorTestHarness<String, SensorReading, SensorRegistration, Signal> after =
                restoredFrom(beforeTheDowntime());
        long restoredAt = minute(62); // back an hour later
        after.setProcessingTime(restoredAt);
        for (int m = 3; m <= 62; m++) { // read at 10 readings per minute: 6 minutes to catch up
            after.setProcessingTime(restoredAt + (m - 3) / 10 * 60_000L);
            after.processWatermark(minute(m) - OUT_OF_ORDERNESS.toMillis());
            take(after, weather(m, 20 + m * 0.01, 60 + m % 2));
        }
        after.setProcessingTime(minute(68));

        assertThat(after.extractOutputValues()).isEmpty();
        after.close();
    }

    @Test
    void aSensorThatDiedDuringTheDowntimeIsSilentOneWindowAfterTheRestore() throws Exception {
        KeyedBroadcastOperatorTestHarness<String, SensorReading, SensorRegistration, Signal> after =
                restoredFrom(beforeTheDowntime());
        after.setProcessingTime(minute(12));
        after.setProcessingTime(minute(14.99));
        assertThat(after.extractOutputValues()).isEmpty();

        after.setProcessingTime(minute(15)); // restore + 3 × 60 s, nothing came

        assertThat(after.extractOutputValues())
                .extracting(Signal::type, Signal::action, Signal::eventTime)
                .containsExactly(tuple("sensor.silent", SignalAction.RAISE, minute(5)));
        after.close();
    }
}
