package io.cityops.jobs.detection.traffic;

import static io.cityops.jobs.detection.traffic.TrafficFixtures.LE_DUAN_DOWN;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.LE_DUAN_UP;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.QL4D_DOWN;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.QL4D_UP;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.detectorMinute;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.model.Aggregate;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-segment operator: event-time minutes, late data, slides, state and timer cleanup. */
class SegmentTrafficFunctionTest {
    private final SegmentTrafficFunction function =
            new SegmentTrafficFunction(TrafficFixtures.city(), TrafficParams.DEFAULTS);
    private KeyedOneInputStreamOperatorTestHarness<String, DetectorMinute, Signal> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        function, DetectorMinute::segmentId, Types.STRING);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    /** A detector's minute, stamped as the per-detector window emits it (the minute's last ms). */
    private void detector(String sensor, int m, double speed, double occupancy) throws Exception {
        harness.processElement(detectorMinute(sensor, m, speed, occupancy), minute(m + 1) - 1);
    }

    private void leDuan(int m, double speed, double occupancy) throws Exception {
        detector(LE_DUAN_UP, m, speed, occupancy);
        detector(LE_DUAN_DOWN, m, speed, occupancy);
    }

    /** The watermark a window operator sends once minute {@code m} is complete. */
    private void minuteDone(int m) throws Exception {
        harness.processWatermark(minute(m + 1) - 1);
    }

    @Test
    void aMinuteIsTakenOnlyWhenTheWatermarkHasPassedIt() throws Exception {
        leDuan(0, 15, 25);
        leDuan(1, 15, 25);
        minuteDone(0);
        assertThat(harness.extractOutputValues()).isEmpty();

        minuteDone(1);

        assertThat(harness.extractOutputStreamRecords())
                .extracting(r -> ((Signal) r.getValue()).action(), StreamRecord::getTimestamp)
                .containsExactly(tuple(SignalAction.RAISE, minute(2) - 1));
        assertThat(harness.extractOutputValues().get(0).eventTime()).isEqualTo(minute(2));
    }

    @Test
    void detectorsOfOneMinuteMayArriveInAnyOrder() throws Exception {
        for (int m = 0; m < 2; m++) {
            detector(QL4D_UP, m, 45, 10);
            detector(QL4D_DOWN, m, 45, 10);
        }
        // Minute 3's downstream before minute 2's upstream, then minute 2's downstream last.
        detector(QL4D_DOWN, 3, 48, 2);
        detector(QL4D_UP, 2, 8, 50);
        detector(QL4D_UP, 3, 8, 50);
        detector(QL4D_DOWN, 2, 48, 3);
        minuteDone(3);

        assertThat(harness.extractOutputValues())
                .extracting(Signal::type, Signal::action, Signal::eventTime)
                .containsExactly(tuple("traffic.incident", SignalAction.RAISE, minute(4)));
        assertThat(harness.getSideOutput(SegmentTrafficFunction.AGGREGATES))
                .extracting(r -> r.getValue().windowStart())
                .containsExactly(minute(0), minute(1), minute(2), minute(3));
    }

    @Test
    void aMinuteBehindTheWatermarkIsCountedAndSetAside() throws Exception {
        minuteDone(5);

        detector(QL4D_UP, 5, 45, 10);
        detector(QL4D_DOWN, 4, 45, 10);

        assertThat(harness.getSideOutput(SegmentTrafficFunction.LATE))
                .extracting(r -> r.getValue().minuteStart())
                .containsExactly(minute(5), minute(4));
        assertThat(function.lateMinutes()).isEqualTo(2);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aQuietSegmentLeavesNoStateAndNoTimers() throws Exception {
        for (int m = 0; m < 3; m++) {
            detector(QL4D_UP, m, 45, 10);
            detector(QL4D_DOWN, m, 45, 10);
            minuteDone(m);
        }
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1); // the next slide

        minuteDone(6); // minute 2 is still in the window ending with minute 6
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        minuteDone(7);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.getSideOutput(SegmentTrafficFunction.AGGREGATES))
                .extracting(r -> r.getValue().windowStart())
                .containsExactly(minute(0), minute(1), minute(2));
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void theWindowKeepsSlidingWhenTheDetectorsFallQuietSoACongestionClears() throws Exception {
        for (int m = 0; m < 6; m++) {
            leDuan(m, 15, 25);
        }
        for (int m = 6; m < 8; m++) {
            leDuan(m, 45, 10);
        }
        minuteDone(Integer.MAX_VALUE / 120_000); // far ahead: every slide fires in order

        // Windows ending with minutes 6 and 7 still count as congested (0.42; 0.54 is within the
        // clear margin); those ending with the quiet minutes 8 and 9 hold 2 congested minutes of
        // 4 (0.6) and 1 of 3 (0.7): free twice, so the clear comes at the end of minute 9.
        assertThat(harness.extractOutputValues())
                .extracting(Signal::action, Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, minute(2)),
                        tuple(SignalAction.CLEAR, minute(10)));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aRaisedCongestionIsClearedWithReasonNoDataWhenBothDetectorsFallSilent() throws Exception {
        leDuan(0, 15, 25);
        leDuan(1, 15, 25);
        minuteDone(24 * 60);

        // Last reported minute ends at minute 2; forgotten 30 minutes (forget-after) later.
        assertThat(harness.extractOutputValues())
                .extracting(
                        Signal::type,
                        Signal::action,
                        Signal::eventTime,
                        s -> s.attributes().get("reason"))
                .containsExactly(
                        tuple("traffic.congestion", SignalAction.RAISE, minute(2), null),
                        tuple("traffic.congestion", SignalAction.CLEAR, minute(32), "no-data"));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aRaisedIncidentIsClearedWithReasonNoDataWhenBothDetectorsFallSilent() throws Exception {
        for (int m = 0; m < 2; m++) {
            detector(QL4D_UP, m, 45, 10);
            detector(QL4D_DOWN, m, 45, 10);
        }
        for (int m = 2; m < 4; m++) {
            detector(QL4D_UP, m, 8, 50);
            detector(QL4D_DOWN, m, 48, 3);
        }
        minuteDone(24 * 60);

        assertThat(harness.extractOutputValues())
                .filteredOn(s -> s.type().equals("traffic.incident"))
                .extracting(Signal::action, Signal::eventTime, s -> s.attributes().get("reason"))
                .containsExactly(
                        tuple(SignalAction.RAISE, minute(4), null),
                        tuple(SignalAction.CLEAR, minute(34), "no-data"));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void readingsBackBeforeTheForgetDelayKeepTheAlarmAndRestartTheDelay() throws Exception {
        leDuan(0, 15, 25);
        leDuan(1, 15, 25);
        minuteDone(19); // silent since minute 2: the window is empty, forget due at minute 32
        leDuan(20, 15, 25);
        minuteDone(49); // back and silent again since minute 21: forget now due at minute 51

        assertThat(harness.extractOutputValues())
                .extracting(Signal::action)
                .containsExactly(SignalAction.RAISE);

        minuteDone(50);
        assertThat(harness.extractOutputValues())
                .extracting(Signal::action, Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, minute(2)),
                        tuple(SignalAction.CLEAR, minute(51)));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void eachMinuteWithReadingsGivesOneAggregate() throws Exception {
        leDuan(0, 40, 12);
        detector(LE_DUAN_UP, 2, 20, 20);
        minuteDone(3);

        assertThat(harness.getSideOutput(SegmentTrafficFunction.AGGREGATES))
                .extracting(StreamRecord::getValue)
                .extracting(
                        Aggregate::windowStart,
                        a -> a.value("speedRatio"),
                        a -> a.labels().get("level"))
                .containsExactly(tuple(minute(0), 0.8, "free"), tuple(minute(2), 0.4, "congested"));
    }

    @Test
    void theEndOfABoundedInputForgetsNothing() throws Exception {
        leDuan(0, 15, 25);
        leDuan(1, 15, 25);
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues())
                .extracting(Signal::action)
                .containsExactly(SignalAction.RAISE);
    }
}
