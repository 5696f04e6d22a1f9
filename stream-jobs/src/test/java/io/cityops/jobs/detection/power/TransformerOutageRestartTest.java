package io.cityops.jobs.detection.power;

import static io.cityops.jobs.detection.power.PowerFixtures.TR;
import static io.cityops.jobs.detection.power.PowerFixtures.customer;
import static io.cityops.jobs.detection.power.PowerFixtures.minute;
import static io.cityops.jobs.detection.power.PowerFixtures.normal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The outage operator restored from a checkpoint after 10 minutes of downtime (a deploy, a lost
 * TaskManager): the processing-time silence deadlines kept in state are all overdue at restore and
 * fire at once. They must wait for the backlog of readings (in Kafka) to be read, so a transformer
 * that kept its supply is not an outage — while one whose meters really all went quiet still is.
 */
class TransformerOutageRestartTest {
    private static final long GRACE_MS = PowerParams.DEFAULTS.restartGrace().toMillis();

    private static KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Signal> harness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new TransformerOutageFunction(PowerFixtures.roll(), PowerParams.DEFAULTS)),
                SensorReading::subjectId,
                Types.STRING);
    }

    private static void minuteOfReadings(
            KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Signal> h, int m)
            throws Exception {
        for (int c = 1; c <= 10; c++) {
            SensorReading r = normal(customer(c), minute(m), 221, 1_000 + m);
            h.processElement(r, r.ts());
        }
    }

    /** Minutes 0..2 of normal readings, then a checkpoint; the job goes down. */
    private static OperatorSubtaskState runThenCheckpoint() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Signal> before = harness();
        before.open();
        for (int m = 0; m <= 2; m++) {
            before.setProcessingTime(minute(m));
            minuteOfReadings(before, m);
        }
        OperatorSubtaskState snapshot = before.snapshot(1L, minute(2));
        before.close();
        return snapshot;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Signal> restore(
            OperatorSubtaskState snapshot) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Signal> after = harness();
        after.setup();
        after.initializeState(snapshot);
        after.open();
        return after;
    }

    @Test
    void aRestoreAfterDowntimeWithTheBacklogWaitingIsNotAnOutage() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Signal> after =
                restore(runThenCheckpoint());
        after.setProcessingTime(minute(12)); // back up 10 minutes later: every deadline overdue
        for (int m = 3; m <= 12; m++) { // the backlog, read at once
            minuteOfReadings(after, m);
        }
        after.setProcessingTime(minute(13));
        minuteOfReadings(after, 13);
        after.setProcessingTime(minute(12) + GRACE_MS); // the grace ends: everybody was heard

        assertThat(after.extractOutputValues()).extracting(Signal::action).isEmpty();
        after.close();
    }

    @Test
    void metersThatAllWentQuietDuringTheDowntimeAreStillOneOutageOnceTheGraceEnds()
            throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Signal> after =
                restore(runThenCheckpoint());
        after.setProcessingTime(minute(12));
        assertThat(after.extractOutputValues()).isEmpty(); // not judged at once

        after.setProcessingTime(minute(12) + GRACE_MS); // no backlog came: they are silent

        assertThat(after.extractOutputValues())
                .extracting(Signal::subjectId, Signal::action, s -> s.attributes().get("silent"))
                .containsExactly(tuple(TR, SignalAction.RAISE, "10"));
        after.close();
    }

    @Test
    void onlyTheMetersTheBacklogDoesNotReviveCountAsSilent() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Signal> after =
                restore(runThenCheckpoint());
        after.setProcessingTime(minute(12));
        for (int m = 3; m <= 13; m++) { // half the meters have a backlog, half went quiet
            after.setProcessingTime(minute(Math.max(12, m)));
            for (int c = 1; c <= 5; c++) {
                SensorReading r = normal(customer(c), minute(m), 221, 1_000 + m);
                after.processElement(r, r.ts());
            }
        }

        after.setProcessingTime(minute(12) + GRACE_MS);

        // 5 of 10 silent is below the 60 % outage share: nothing, where all 10 used to be
        assertThat(after.extractOutputValues()).isEmpty();
        after.close();
    }
}
