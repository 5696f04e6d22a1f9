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

/** The Flink operator around the alarm: event-time order, late data, state and timer cleanup. */
class RiverLevelFunctionTest {
    private final RiverLevelFunction function =
            new RiverLevelFunction(RiverFixtures.city(), RiverLevelParams.DEFAULTS);
    private KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Signal> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        function, SensorReading::sensorId, Types.STRING);
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
        // Cleared, but the last hour of samples (and the station) still serve the rate of rise if
        // the river comes back.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        watermarkAt(50 + 60);

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void anActiveAlarmKeepsItsStateHoweverLongTheGaugeIsSilent() throws Exception {
        gauge(0, 28_650);
        watermarkAt(24 * 60);

        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
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
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);

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
}
