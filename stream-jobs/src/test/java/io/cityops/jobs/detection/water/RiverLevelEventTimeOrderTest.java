package io.cityops.jobs.detection.water;

import static io.cityops.jobs.detection.water.RiverStationHarness.LEVEL_ONLY;
import static io.cityops.jobs.detection.water.RiverStationHarness.MUONG_TE_SPARE;
import static io.cityops.jobs.testing.RiverFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.water.RiverLevelParams.Evaluation;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code detection.water.evaluation=event-time}: readings wait for the watermark and are taken in
 * event-time order, whatever order they arrived in.
 */
class RiverLevelEventTimeOrderTest {
    private RiverStationHarness h;

    @BeforeEach
    void open() throws Exception {
        h = new RiverStationHarness(LEVEL_ONLY.withEvaluation(Evaluation.EVENT_TIME));
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    @Test
    void readingsWaitForTheWatermark() throws Exception {
        h.gauge(0, 28_650);
        assertThat(h.signals()).isEmpty();

        h.watermarkAt(0);

        assertThat(h.harness.extractOutputStreamRecords())
                .extracting(r -> ((Signal) r.getValue()).action(), StreamRecord::getTimestamp)
                .containsExactly(tuple(SignalAction.RAISE, minute(0)));
    }

    @Test
    void outOfOrderReadingsAreTakenInEventTimeOrder() throws Exception {
        h.gauge(0, 28_650).watermarkAt(0);
        // Under the clear line at 10 and 21, back inside the margin at 15 (the spare gauge's
        // reading, arriving last): in event-time order the hold-off restarts at 21, so there is no
        // clear. Evaluated on arrival it clears at 21 (RiverLevelArrivalOrderTest).
        h.gauge(10, 28_570).gauge(21, 28_570).reading(MUONG_TE_SPARE, 15, 28_590).watermarkAt(21);

        assertThat(h.signals()).extracting(Signal::action).containsExactly(SignalAction.RAISE);
        assertThat(h.function.outOfOrderReadings()).isZero();
    }

    @Test
    void aReadingDueWithTheCleanupIsNotLost() throws Exception {
        h.gauge(0, 28_000).watermarkAt(0);
        h.gauge(60, 28_650); // due at the very instant of the cleanup timer
        h.gauge(30, 28_010); // taken first, it moves the cleanup timer away from minute 60
        h.watermarkAt(60);

        assertThat(h.signals()).extracting(Signal::action).containsExactly(SignalAction.RAISE);
    }
}
