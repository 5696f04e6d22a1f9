package io.cityops.jobs.detection.water;

import static io.cityops.jobs.detection.water.RiverStationHarness.LEVEL_ONLY;
import static io.cityops.jobs.detection.water.RiverStationHarness.MUONG_TE_SPARE;
import static io.cityops.jobs.testing.RiverFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.water.RiverLevelParams.Evaluation;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * {@code detection.water.evaluation=arrival} (the default): each reading is evaluated as it
 * arrives, without waiting for the watermark; for in-order readings that gives exactly the signals
 * of event-time order, and an out-of-order reading can neither raise nor lower the alarm. Mường Tè:
 * levels I/II/III at 28 600 / 28 800 / 29 000 cm, clear line of level I at 28 580 cm (margin 20
 * cm), hold-off 10 minutes.
 */
class RiverLevelArrivalOrderTest {

    private static RiverStationHarness onArrival(RiverLevelParams params) throws Exception {
        return new RiverStationHarness(params.withEvaluation(Evaluation.ARRIVAL));
    }

    private static RiverStationHarness inEventTime(RiverLevelParams params) throws Exception {
        return new RiverStationHarness(params.withEvaluation(Evaluation.EVENT_TIME));
    }

    @Test
    void arrivalIsTheDefault() {
        assertThat(RiverLevelParams.DEFAULTS.evaluation()).isEqualTo(Evaluation.ARRIVAL);
        assertThat(LEVEL_ONLY.evaluation()).isEqualTo(Evaluation.ARRIVAL);
    }

    @Test
    void aFloodReadingRaisesAsItArrivesWithoutAnyWatermark() throws Exception {
        try (RiverStationHarness h = onArrival(LEVEL_ONLY)) {
            h.gauge(0, 28_650);

            assertThat(h.records())
                    .extracting(
                            r -> r.getValue().action(),
                            r -> r.getValue().attributes().get("level"),
                            r -> r.getValue().eventTime(),
                            StreamRecord::getTimestamp)
                    .containsExactly(tuple(SignalAction.RAISE, "1", minute(0), minute(0)));
            assertThat(h.harness.numEventTimeTimers()).isZero(); // nothing waits

            h.gauge(5, 28_820);

            assertThat(h.signals())
                    .extracting(Signal::action, s -> s.attributes().get("level"))
                    .containsExactly(
                            tuple(SignalAction.RAISE, "1"), tuple(SignalAction.UPDATE, "2"));
        }
    }

    /**
     * A flood hydrograph with waves, read every minute by the gauge and every minute in between by
     * the spare, in order: it rises through the three levels fast enough for {@code water.rise},
     * hovers, and falls back, with the default parameters.
     */
    private static void flood(RiverStationHarness h) throws Exception {
        for (int m = 0; m <= 240; m++) {
            double base =
                    m <= 60
                            ? 28_500 + 550.0 * m / 60
                            : m <= 90 ? 29_050 : m <= 150 ? 29_050 - 550.0 * (m - 90) / 60 : 28_500;
            double wave = m % 3 == 0 ? 6 : m % 3 == 1 ? -6 : 0;
            h.gauge(m, base + wave);
            h.reading(MUONG_TE_SPARE, m + 0.5, base - wave);
        }
    }

    @Test
    void inOrderReadingsGiveExactlyTheSignalsOfEventTimeOrderOnlySooner() throws Exception {
        List<StreamRecord<? extends Signal>> onArrival;
        List<StreamRecord<? extends Signal>> inEventTime;
        try (RiverStationHarness h = onArrival(RiverLevelParams.DEFAULTS)) {
            flood(h);
            onArrival = h.records(); // before any watermark
            h.watermarkAt(241);
            assertThat(h.records()).isEqualTo(onArrival); // the watermark adds nothing
            assertThat(h.function.outOfOrderReadings()).isZero();
            assertThat(h.function.duplicateReadings()).isZero();
        }
        try (RiverStationHarness h = inEventTime(RiverLevelParams.DEFAULTS)) {
            flood(h);
            assertThat(h.records()).isEmpty();
            h.watermarkAt(241);
            inEventTime = h.records();
        }

        // Signals (type, subject, action, severity, event time, message, attributes) and record
        // timestamps alike.
        assertThat(onArrival).isEqualTo(inEventTime);
        assertThat(inEventTime)
                .extracting(
                        r -> r.getValue().type(),
                        r -> r.getValue().action(),
                        r -> r.getValue().attributes().get("level"),
                        r -> r.getValue().eventTime(),
                        StreamRecord::getTimestamp)
                .containsExactly(EXPECTED_FLOOD);
    }

    @Test
    void anOlderReadingAboveAHigherLevelRaisesItAtOnceAndIsCounted() throws Exception {
        try (RiverStationHarness h = onArrival(LEVEL_ONLY)) {
            h.gauge(0, 28_650).gauge(10, 28_700);
            // The spare's reading of minute 5 arrives after the gauge's of minute 10. It is above
            // level II: the peak is raised at once, stamped minute 5, as event time would have.
            h.reading(MUONG_TE_SPARE, 5, 28_850);
            assertThat(h.function.outOfOrderReadings()).isEqualTo(1);

            h.gauge(11, 28_790); // inside the margin: level II stays
            h.gauge(12, 28_800); // level II again: nothing new

            assertThat(h.signals())
                    .extracting(Signal::action, s -> s.attributes().get("level"), Signal::eventTime)
                    .containsExactly(
                            tuple(SignalAction.RAISE, "1", minute(0)),
                            tuple(SignalAction.UPDATE, "2", minute(5)));
            assertThat(h.function.lateReadings()).isZero();
            assertThat(h.late()).isEmpty();
        }
    }

    @Test
    void anOlderReadingAboveTheClearLineRestartsTheHoldOffAsInEventTimeOrder() throws Exception {
        List<Signal> onArrival;
        List<Signal> inEventTime;
        try (RiverStationHarness h = onArrival(LEVEL_ONLY)) {
            river(h);
            onArrival = h.signals();
            assertThat(h.function.outOfOrderReadings()).isEqualTo(1);
        }
        try (RiverStationHarness h = inEventTime(LEVEL_ONLY)) {
            river(h);
            h.watermarkAt(20);
            inEventTime = h.signals();
        }

        // Under the clear line from minute 5, but the late-arriving minute 8 was inside the margin:
        // the 10-minute hold-off counts from minute 10, not 5, so no CLEAR at 15.
        assertThat(onArrival)
                .extracting(Signal::action, Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, minute(0)),
                        tuple(SignalAction.CLEAR, minute(20)));
        assertThat(onArrival).isEqualTo(inEventTime);
    }

    private static void river(RiverStationHarness h) throws Exception {
        h.gauge(0, 28_650).gauge(5, 28_570).gauge(10, 28_570);
        h.reading(MUONG_TE_SPARE, 8, 28_590);
        h.gauge(15, 28_570).gauge(20, 28_570);
    }

    @Test
    void aReadingThatArrivesAfterTheClearItWouldHavePreventedCannotUndoIt() throws Exception {
        try (RiverStationHarness h = onArrival(LEVEL_ONLY)) {
            // RiverLevelEventTimeOrderTest#outOfOrderReadingsAreTakenInEventTimeOrder on arrival:
            // minute 15 comes after the clear at 21, which stands.
            h.gauge(0, 28_650).gauge(10, 28_570).gauge(21, 28_570);
            h.reading(MUONG_TE_SPARE, 15, 28_590);
            h.watermarkAt(21);

            assertThat(h.signals())
                    .extracting(Signal::action, Signal::eventTime)
                    .containsExactly(
                            tuple(SignalAction.RAISE, minute(0)),
                            tuple(SignalAction.CLEAR, minute(21)));
            assertThat(h.function.outOfOrderReadings()).isEqualTo(1);
        }
    }

    @Test
    void anOlderReadingJoinsTheRateOfRise() throws Exception {
        try (RiverStationHarness h = onArrival(RiverLevelParams.DEFAULTS)) {
            h.gauge(10, 28_000);
            h.reading(MUONG_TE_SPARE, 0, 27_900); // arrives second
            assertThat(h.signals()).isEmpty(); // an older reading below every level emits nothing

            h.gauge(11, 28_000);

            // 100 cm in the 11 minutes since the older reading: 545 cm/h. Without it the samples
            // would span one minute, too short for a rate.
            assertThat(h.signals())
                    .extracting(
                            Signal::type,
                            Signal::action,
                            Signal::eventTime,
                            s -> s.attributes().get("riseCmPerHour"))
                    .containsExactly(tuple("water.rise", SignalAction.RAISE, minute(11), "545.5"));
            assertThat(h.function.outOfOrderReadings()).isEqualTo(1);
        }
    }

    @Test
    void anOlderReadingLeavesTheCleanupTimerWhereItIs() throws Exception {
        try (RiverStationHarness h = onArrival(LEVEL_ONLY)) {
            h.gauge(0, 28_000).gauge(10, 28_010).reading(MUONG_TE_SPARE, 5, 28_005);
            assertThat(h.harness.numEventTimeTimers()).isEqualTo(1);

            h.watermarkAt(69.9);
            assertThat(h.harness.numKeyedStateEntries()).isEqualTo(1);

            h.watermarkAt(70); // an hour after the newest reading
            assertThat(h.harness.numKeyedStateEntries()).isZero();
            assertThat(h.harness.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void ofTwoReadingsAtTheSameTimeTheFirstStandsAndTheOtherIsCounted() throws Exception {
        try (RiverStationHarness h = onArrival(LEVEL_ONLY)) {
            h.gauge(0, 28_500);
            h.reading(MUONG_TE_SPARE, 0, 28_650); // level I, but minute 0 is already taken

            assertThat(h.signals()).isEmpty();
            assertThat(h.function.duplicateReadings()).isEqualTo(1);
            assertThat(h.function.outOfOrderReadings()).isZero();
        }
    }

    @Test
    void readingsLeftWaitingByEventTimeOrderAreTakenAfterASwitchToArrival() throws Exception {
        OperatorSubtaskState snapshot;
        try (RiverStationHarness h = inEventTime(LEVEL_ONLY)) {
            h.gauge(0, 28_650); // waits for the watermark when the job is stopped
            snapshot = h.harness.snapshot(1, 1);
        }
        try (RiverStationHarness h =
                new RiverStationHarness(LEVEL_ONLY.withEvaluation(Evaluation.ARRIVAL), snapshot)) {
            h.watermarkAt(0);
            h.gauge(1, 28_820);

            assertThat(h.signals())
                    .extracting(Signal::action, s -> s.attributes().get("level"), Signal::eventTime)
                    .containsExactly(
                            tuple(SignalAction.RAISE, "1", minute(0)),
                            tuple(SignalAction.UPDATE, "2", minute(1)));
        }
    }

    /**
     * The flood's signals: water.rise as soon as the hour's samples span ten minutes (478 cm/h);
     * level I at minute 11 (28 600.8 cm), II at 33 (28 808.5), III at 54 (29 001); on the recession
     * each level is left ten minutes after the water stayed under its clear line: III at 108 (under
     * 28 980 since 98), II at 130.5 (under 28 780 since the spare's 120.5), I at 151.5 (under 28
     * 580 since 141.5); water.rise clears at 114.
     */
    private static final Tuple[] EXPECTED_FLOOD = {
        flood("water.rise", SignalAction.RAISE, null, 10),
        flood("water.level", SignalAction.RAISE, "1", 11),
        flood("water.level", SignalAction.UPDATE, "2", 33),
        flood("water.level", SignalAction.UPDATE, "3", 54),
        flood("water.level", SignalAction.UPDATE, "2", 108),
        flood("water.rise", SignalAction.CLEAR, null, 114),
        flood("water.level", SignalAction.UPDATE, "1", 130.5),
        flood("water.level", SignalAction.CLEAR, "0", 151.5)
    };

    private static Tuple flood(String type, SignalAction action, String level, double minutes) {
        return tuple(type, action, level, minute(minutes), minute(minutes));
    }
}
