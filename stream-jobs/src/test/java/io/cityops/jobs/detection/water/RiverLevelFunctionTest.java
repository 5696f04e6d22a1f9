package io.cityops.jobs.detection.water;

import static io.cityops.jobs.testing.RiverFixtures.MUONG_TE_GAUGE;
import static io.cityops.jobs.testing.RiverFixtures.minute;
import static io.cityops.jobs.testing.RiverFixtures.waterLevel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.jobs.testing.RiverFixtures;
import io.cityops.model.Reading;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.Sensor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Flink operator around the alarm, keyed by station: event-time order, late data, state and
 * timer cleanup, one state per station however many gauges it has.
 */
class RiverLevelFunctionTest {
    /** The level alarm alone: no rise in these scripts is fast enough for {@code water.rise}. */
    private static final RiverLevelParams LEVEL_ONLY =
            new RiverLevelParams(20, java.time.Duration.ofMinutes(10), 100_000);

    private final RiverLevelFunction function =
            new RiverLevelFunction(RiverFixtures.city(), LEVEL_ONLY);
    private KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Signal> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        function, RiverLevelDetectors.BY_STATION, Types.STRING);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    private void gauge(double minutes, double levelCm) throws Exception {
        Reading r = waterLevel(MUONG_TE_GAUGE, minutes, levelCm);
        harness.processElement(new SensorReading(r, sensor(MUONG_TE_GAUGE)), r.ts());
    }

    private static Sensor sensor(String id) {
        return RiverFixtures.city().sensor(id).orElseThrow();
    }

    private void watermarkAt(double minutes) throws Exception {
        harness.processWatermark(minute(minutes));
    }

    @Test
    void readingsWaitForTheWatermark() throws Exception {
        gauge(0, 28_650);
        assertThat(harness.extractOutputValues()).isEmpty();

        watermarkAt(0);

        assertThat(harness.extractOutputStreamRecords())
                .extracting(r -> ((Signal) r.getValue()).action(), StreamRecord::getTimestamp)
                .containsExactly(tuple(SignalAction.RAISE, minute(0)));
    }

    @Test
    void outOfOrderReadingsAreTakenInEventTimeOrder() throws Exception {
        gauge(0, 28_650);
        watermarkAt(0);
        // Under the clear line at 10 and 21, back inside the margin at 15: in event-time order the
        // hold-off restarts at 21, so there is no clear. In arrival order it would clear at 21.
        gauge(10, 28_570);
        gauge(21, 28_570);
        gauge(15, 28_590);
        watermarkAt(21);

        assertThat(harness.extractOutputValues())
                .extracting(Signal::action)
                .containsExactly(SignalAction.RAISE);
    }

    @Test
    void aReadingBehindTheWatermarkIsCountedAndSetAside() throws Exception {
        watermarkAt(10);

        gauge(5, 28_900);
        gauge(10, 28_900);

        assertThat(harness.getSideOutput(RiverLevelFunction.LATE))
                .extracting(r -> r.getValue().ts())
                .containsExactly(minute(5), minute(10));
        assertThat(function.lateReadings()).isEqualTo(2);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aDuplicateReadingCountsOnce() throws Exception {
        gauge(0, 28_650);
        gauge(0, 28_650);
        watermarkAt(0);

        assertThat(harness.extractOutputValues()).hasSize(1);
    }

    @Test
    void stateAndTimersAreCleanedUpAfterTheRiverFallsBackAndClears() throws Exception {
        double[] levels = {28_500, 28_650, 28_820, 28_700, 28_560, 28_560, 28_560};
        double[] minutes = {0, 5, 10, 30, 40, 45, 50};
        for (int i = 0; i < levels.length; i++) {
            gauge(minutes[i], levels[i]);
            watermarkAt(minutes[i]);
        }
        assertThat(harness.extractOutputValues())
                .extracting(Signal::action, s -> s.attributes().get("level"))
                .containsExactly(
                        tuple(SignalAction.RAISE, "1"),
                        tuple(SignalAction.UPDATE, "2"),
                        tuple(SignalAction.UPDATE, "1"),
                        tuple(SignalAction.CLEAR, "0"));
        // Cleared, but the last hour of samples still serves the rate of rise if the river comes
        // back.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        watermarkAt(50 + 60);

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void anActiveAlarmKeepsItsStateHoweverLongTheGaugeIsSilent() throws Exception {
        gauge(0, 28_650);
        watermarkAt(24 * 60);

        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void eachReadingOfAQuietStationMovesItsCleanupTimer() throws Exception {
        gauge(0, 28_000);
        watermarkAt(0);
        gauge(30, 28_010);
        watermarkAt(30);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        watermarkAt(61);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        watermarkAt(90);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aReadingDueWithTheCleanupIsNotLost() throws Exception {
        gauge(0, 28_000);
        watermarkAt(0);
        gauge(60, 28_650); // due at the very instant of the cleanup timer
        gauge(30, 28_010); // taken first, it moves the cleanup timer away from minute 60
        watermarkAt(60);

        assertThat(harness.extractOutputValues())
                .extracting(Signal::action)
                .containsExactly(SignalAction.RAISE);
    }

    @Test
    void aGaugeMovedToAnotherStationIsJudgedByThatStationsLevels() throws Exception {
        Sensor namGiang = sensor(RiverFixtures.NAM_GIANG_GAUGE);
        Sensor moved =
                new Sensor(
                        namGiang.id(),
                        namGiang.kind(),
                        namGiang.districtId(),
                        RiverFixtures.MUONG_TE_STATION,
                        namGiang.location(),
                        namGiang.heartbeatSec());
        // 28 650 cm is far above every level of Nậm Giàng, but only level I at Mường Tè.
        Reading r = waterLevel(namGiang.id(), 0, 28_650);
        harness.processElement(new SensorReading(r, moved), r.ts());
        watermarkAt(0);

        assertThat(harness.extractOutputValues())
                .extracting(Signal::subjectId, s -> s.attributes().get("level"))
                .containsExactly(tuple(RiverFixtures.MUONG_TE_STATION, "1"));
    }

    @Test
    void twoGaugesOnOneStationShareOneStateAndRaiseOneAlert() throws Exception {
        Sensor second = sensor(MUONG_TE_GAUGE);
        Sensor spare =
                new Sensor(
                        "wl-107-muongte-b",
                        second.kind(),
                        second.districtId(),
                        RiverFixtures.MUONG_TE_STATION,
                        second.location(),
                        second.heartbeatSec());
        // The first gauge sees level I at minute 0, the spare at minutes 1 to 15, then the first
        // gauge sees the river under the clear line from minute 16: one RAISE and one CLEAR. Keyed
        // per gauge, the spare would raise water.level:rs-107-muongte a second time (its own
        // state) and never clear it.
        gauge(0, 28_650);
        for (int m = 1; m <= 15; m++) {
            Reading r = waterLevel(spare.id(), m, 28_650);
            harness.processElement(new SensorReading(r, spare), r.ts());
        }
        gauge(16, 28_560);
        gauge(30, 28_560);
        watermarkAt(30);

        assertThat(harness.extractOutputValues())
                .extracting(Signal::subjectId, Signal::action, Signal::eventTime)
                .containsExactly(
                        tuple(RiverFixtures.MUONG_TE_STATION, SignalAction.RAISE, minute(0)),
                        tuple(RiverFixtures.MUONG_TE_STATION, SignalAction.CLEAR, minute(30)));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1); // one station, one state
    }

    @Test
    void aFastRiseRaisesWaterRiseBesideTheLevelAlarmAndItClearsWhenTheRiverCalms()
            throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Signal> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new RiverLevelFunction(RiverFixtures.city(), RiverLevelParams.DEFAULTS),
                        RiverLevelDetectors.BY_STATION,
                        Types.STRING);
        // 28 000 → 28 100 in 20 minutes (300 cm/h), far below level I, then steady.
        for (int m = 0; m <= 90; m += 5) {
            double cm = m <= 20 ? 28_000 + 5 * m : 28_100;
            Reading r = waterLevel(MUONG_TE_GAUGE, m, cm);
            h.processElement(new SensorReading(r, sensor(MUONG_TE_GAUGE)), r.ts());
            h.processWatermark(r.ts());
        }

        // Rate over the last hour: 300 cm/h at minute 10 (over 50: RAISE); it falls as the window
        // slides past the rise and is under 25 cm/h (half the threshold) from minute 80, when the
        // window starts where the rise ended; held for the 10-minute hold-off: CLEAR at 90.
        assertThat(h.extractOutputValues())
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
                                io.cityops.model.Severity.MINOR,
                                minute(10),
                                "300.0"),
                        tuple(
                                "water.rise",
                                SignalAction.CLEAR,
                                io.cityops.model.Severity.INFO,
                                minute(90),
                                "0.0"));
        h.close();
    }
}
