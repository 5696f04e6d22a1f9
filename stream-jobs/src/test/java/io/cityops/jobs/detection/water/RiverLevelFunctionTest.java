package io.cityops.jobs.detection.water;

import static io.cityops.jobs.detection.water.RiverStationHarness.LEVEL_ONLY;
import static io.cityops.jobs.detection.water.RiverStationHarness.MUONG_TE_SPARE;
import static io.cityops.jobs.detection.water.RiverStationHarness.sensor;
import static io.cityops.jobs.testing.RiverFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.water.RiverLevelParams.Evaluation;
import io.cityops.jobs.testing.RiverFixtures;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.Sensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Flink operator around the alarm, keyed by station, in both evaluation orders: late data,
 * duplicates, state and timer cleanup, one state per station however many gauges it has. What
 * differs between the orders is in {@link RiverLevelArrivalOrderTest} and {@link
 * RiverLevelEventTimeOrderTest}.
 */
class RiverLevelFunctionTest {

    private static RiverStationHarness station(Evaluation evaluation) throws Exception {
        return new RiverStationHarness(LEVEL_ONLY.withEvaluation(evaluation));
    }

    @ParameterizedTest
    @EnumSource(Evaluation.class)
    void aReadingBehindTheWatermarkIsCountedAndSetAside(Evaluation evaluation) throws Exception {
        try (RiverStationHarness h = station(evaluation)) {
            h.watermarkAt(10);

            h.gauge(5, 28_900).gauge(10, 28_900);

            assertThat(h.late()).containsExactly(minute(5), minute(10));
            assertThat(h.function.lateReadings()).isEqualTo(2);
            assertThat(h.signals()).isEmpty();
            assertThat(h.harness.numKeyedStateEntries()).isZero();
            assertThat(h.harness.numEventTimeTimers()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Evaluation.class)
    void aDuplicateReadingCountsOnce(Evaluation evaluation) throws Exception {
        try (RiverStationHarness h = station(evaluation)) {
            h.gauge(0, 28_650).gauge(0, 28_650).watermarkAt(0);

            assertThat(h.signals())
                    .extracting(Signal::action, Signal::eventTime)
                    .containsExactly(tuple(SignalAction.RAISE, minute(0)));
        }
    }

    @ParameterizedTest
    @EnumSource(Evaluation.class)
    void stateAndTimersAreCleanedUpAfterTheRiverFallsBackAndClears(Evaluation evaluation)
            throws Exception {
        try (RiverStationHarness h = station(evaluation)) {
            double[] levels = {28_500, 28_650, 28_820, 28_700, 28_560, 28_560, 28_560};
            double[] minutes = {0, 5, 10, 30, 40, 45, 50};
            for (int i = 0; i < levels.length; i++) {
                h.gauge(minutes[i], levels[i]).watermarkAt(minutes[i]);
            }
            assertThat(h.signals())
                    .extracting(Signal::action, s -> s.attributes().get("level"))
                    .containsExactly(
                            tuple(SignalAction.RAISE, "1"),
                            tuple(SignalAction.UPDATE, "2"),
                            tuple(SignalAction.UPDATE, "1"),
                            tuple(SignalAction.CLEAR, "0"));
            // Cleared, but the last hour of samples still serves the rate of rise if the river
            // comes back.
            assertThat(h.harness.numKeyedStateEntries()).isEqualTo(1);
            assertThat(h.harness.numEventTimeTimers()).isEqualTo(1);

            h.watermarkAt(50 + 60);

            assertThat(h.harness.numKeyedStateEntries()).isZero();
            assertThat(h.harness.numEventTimeTimers()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Evaluation.class)
    void aQuietStationIsForgottenAnHourAfterItsLastReadingEvenWithoutWatermarksBetween(
            Evaluation evaluation) throws Exception {
        try (RiverStationHarness h = station(evaluation)) {
            h.gauge(0, 28_000).gauge(1, 28_001).gauge(2, 28_002);

            h.watermarkAt(61.9);
            assertThat(h.harness.numKeyedStateEntries()).isEqualTo(1);
            assertThat(h.harness.numEventTimeTimers()).isEqualTo(1); // the cleanup alone

            h.watermarkAt(62);
            assertThat(h.harness.numKeyedStateEntries()).isZero();
            assertThat(h.harness.numEventTimeTimers()).isZero();
            assertThat(h.signals()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Evaluation.class)
    void anActiveAlarmKeepsItsStateHoweverLongTheGaugeIsSilent(Evaluation evaluation)
            throws Exception {
        try (RiverStationHarness h = station(evaluation)) {
            h.gauge(0, 28_650).watermarkAt(24 * 60);

            assertThat(h.harness.numKeyedStateEntries()).isEqualTo(1);
            assertThat(h.harness.numEventTimeTimers()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Evaluation.class)
    void eachReadingOfAQuietStationMovesItsCleanupTimer(Evaluation evaluation) throws Exception {
        try (RiverStationHarness h = station(evaluation)) {
            h.gauge(0, 28_000).watermarkAt(0).gauge(30, 28_010).watermarkAt(30);
            assertThat(h.harness.numEventTimeTimers()).isEqualTo(1);

            h.watermarkAt(61);
            assertThat(h.harness.numKeyedStateEntries()).isEqualTo(1);

            h.watermarkAt(90);
            assertThat(h.harness.numKeyedStateEntries()).isZero();
            assertThat(h.harness.numEventTimeTimers()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Evaluation.class)
    void aGaugeMovedToAnotherStationIsJudgedByThatStationsLevels(Evaluation evaluation)
            throws Exception {
        Sensor namGiang = sensor(RiverFixtures.NAM_GIANG_GAUGE);
        Sensor moved =
                new Sensor(
                        namGiang.id(),
                        namGiang.kind(),
                        namGiang.districtId(),
                        RiverFixtures.MUONG_TE_STATION,
                        namGiang.location(),
                        namGiang.heartbeatSec());
        try (RiverStationHarness h = station(evaluation)) {
            // 28 650 cm is far above every level of Nậm Giàng, but only level I at Mường Tè.
            h.reading(moved, 0, 28_650).watermarkAt(0);

            assertThat(h.signals())
                    .extracting(Signal::subjectId, s -> s.attributes().get("level"))
                    .containsExactly(tuple(RiverFixtures.MUONG_TE_STATION, "1"));
        }
    }

    @ParameterizedTest
    @EnumSource(Evaluation.class)
    void twoGaugesOnOneStationShareOneStateAndRaiseOneAlert(Evaluation evaluation)
            throws Exception {
        try (RiverStationHarness h = station(evaluation)) {
            // The first gauge sees level I at minute 0, the spare at minutes 1 to 15, then the
            // first gauge sees the river under the clear line from minute 16: one RAISE and one
            // CLEAR. Keyed per gauge, the spare would raise water.level:rs-107-muongte a second
            // time (its own state) and never clear it.
            h.gauge(0, 28_650);
            for (int m = 1; m <= 15; m++) {
                h.reading(MUONG_TE_SPARE, m, 28_650);
            }
            h.gauge(16, 28_560).gauge(30, 28_560).watermarkAt(30);

            assertThat(h.signals())
                    .extracting(Signal::subjectId, Signal::action, Signal::eventTime)
                    .containsExactly(
                            tuple(RiverFixtures.MUONG_TE_STATION, SignalAction.RAISE, minute(0)),
                            tuple(RiverFixtures.MUONG_TE_STATION, SignalAction.CLEAR, minute(30)));
            assertThat(h.harness.numKeyedStateEntries()).isEqualTo(1); // one station, one state
        }
    }

    @ParameterizedTest
    @EnumSource(Evaluation.class)
    void aFastRiseRaisesWaterRiseBesideTheLevelAlarmAndItClearsWhenTheRiverCalms(
            Evaluation evaluation) throws Exception {
        try (RiverStationHarness h =
                new RiverStationHarness(RiverLevelParams.DEFAULTS.withEvaluation(evaluation))) {
            // 28 000 → 28 100 in 20 minutes (300 cm/h), far below level I, then steady.
            for (int m = 0; m <= 90; m += 5) {
                h.gauge(m, m <= 20 ? 28_000 + 5 * m : 28_100).watermarkAt(m);
            }

            // Rate over the last hour: 300 cm/h at minute 10 (over 50: RAISE); it falls as the
            // window slides past the rise and is under 25 cm/h (half the threshold) from minute
            // 80, when the window starts where the rise ended; held for the 10-minute hold-off:
            // CLEAR at 90.
            assertThat(h.signals())
                    .extracting(
                            Signal::type,
                            Signal::action,
                            Signal::severity,
                            Signal::eventTime,
                            s -> s.attributes().get("riseCmPerHour"))
                    .containsExactly(
                            tuple(
                                    "water.rise",
                                    SignalAction.RAISE,
                                    Severity.MINOR,
                                    minute(10),
                                    "300.0"),
                            tuple(
                                    "water.rise",
                                    SignalAction.CLEAR,
                                    Severity.INFO,
                                    minute(90),
                                    "0.0"));
        }
    }
}
