package io.cityops.jobs.coverage.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Restoring liveness from a checkpoint after a downtime: the silence deadlines in the checkpoint
 * are overdue, the readings of the downtime wait in Kafka. A station that reported all along must
 * not drop out of coverage (a "stopped" then "started" for every sensor of the province); one that
 * really died stops one silence window after the restore.
 */
class SensorLivenessRestoreTest {
    private static final CityModel CITY = CityModelLoader.sample();
    private static final String STATION = "fs-105-a1"; // heartbeat 60 s: silent after 180 s
    private static final long T0 = 1_753_000_000_000L;
    private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(30);

    private static long minute(int m) {
        return T0 + m * 60_000L;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Reading, SensorStatus> harness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new SensorLivenessFunction(CITY, new SilenceRule(3), OUT_OF_ORDERNESS)),
                Reading::sensorId,
                Types.STRING);
    }

    private static void reading(
            KeyedOneInputStreamOperatorTestHarness<String, Reading, SensorStatus> h, long ts)
            throws Exception {
        h.processElement(
                new Reading(
                        STATION, Domain.FOREST, ts, Reading.NO_SEQ, Map.of("temperatureC", 20.0)),
                ts);
    }

    /** Minutes 0..2 live, a checkpoint at minute 2, then the job goes down. */
    private static OperatorSubtaskState beforeTheDowntime() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Reading, SensorStatus> before = harness();
        before.open();
        for (int m = 0; m <= 2; m++) {
            before.setProcessingTime(minute(m));
            reading(before, minute(m));
        }
        assertThat(before.extractOutputValues())
                .containsExactly(new SensorStatus(STATION, true, minute(0)));
        OperatorSubtaskState snapshot = before.snapshot(1L, minute(2));
        before.close();
        return snapshot;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Reading, SensorStatus>
            restoredFrom(OperatorSubtaskState snapshot) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Reading, SensorStatus> after = harness();
        after.setup();
        after.initializeState(snapshot);
        after.open();
        return after;
    }

    @Test
    void aStationThatReportedDuringTheDowntimeStaysCoveredAcrossTheRestore() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Reading, SensorStatus> after =
                restoredFrom(beforeTheDowntime());
        long restoredAt = minute(62); // back an hour later
        after.setProcessingTime(restoredAt);
        for (int m = 3; m <= 62; m++) { // the backlog, 10 readings per minute of catch-up
            after.setProcessingTime(restoredAt + (m - 3) / 10 * 60_000L);
            after.processWatermark(minute(m) - OUT_OF_ORDERNESS.toMillis());
            reading(after, minute(m));
        }
        after.setProcessingTime(minute(68));

        assertThat(after.extractOutputValues()).isEmpty();
        after.close();
    }

    @Test
    void aStationThatDiedDuringTheDowntimeStopsOneWindowAfterTheRestore() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Reading, SensorStatus> after =
                restoredFrom(beforeTheDowntime());
        after.setProcessingTime(minute(12));
        after.setProcessingTime(minute(15) - 1);
        assertThat(after.extractOutputValues()).isEmpty();

        after.setProcessingTime(minute(15));

        assertThat(after.extractOutputValues())
                .containsExactly(new SensorStatus(STATION, false, minute(5)));
        assertThat(after.numKeyedStateEntries()).isZero();
        after.close();
    }
}
