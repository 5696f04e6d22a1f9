package io.cityops.jobs.detection.air;

import static io.cityops.jobs.detection.air.AqiAlarmTest.district;
import static io.cityops.jobs.detection.air.AqiAlarmTest.hourEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The district alarm operator: a raised alert whose district stops reporting is forgotten. */
class AqiAlarmFunctionTest {
    private KeyedOneInputStreamOperatorTestHarness<String, AqiObservation, Signal> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new AqiAlarmFunction(AirParams.DEFAULTS),
                        AqiObservation::districtId,
                        Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void hour(int h, int aqi) throws Exception {
        harness.processElement(district(h, aqi), hourEnd(h));
        harness.processWatermark(hourEnd(h));
    }

    @Test
    void aRaisedAlertIsClearedWithReasonNoDataWhenEveryStationOfTheDistrictStops()
            throws Exception {
        hour(0, 210);
        hour(1, 220);
        harness.processWatermark(hourEnd(1) + 24 * StationHour.HOUR_MS);

        // The last hourly AQI is hour 1's; forgotten 3 hours (forget-after) after its end.
        assertThat(harness.extractOutputValues())
                .extracting(Signal::action, Signal::eventTime, s -> s.attributes().get("reason"))
                .containsExactly(
                        tuple(SignalAction.RAISE, hourEnd(0), null),
                        tuple(SignalAction.CLEAR, hourEnd(4), "no-data"));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void eachHourlyAqiMovesTheForgetDelay() throws Exception {
        hour(0, 210);
        harness.processWatermark(hourEnd(2));
        hour(3, 215); // inside the 3 hours: the delay restarts from hour 3
        harness.processWatermark(hourEnd(5));

        assertThat(harness.extractOutputValues())
                .extracting(Signal::action)
                .containsExactly(SignalAction.RAISE);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(hourEnd(6));
        assertThat(harness.extractOutputValues())
                .extracting(Signal::action, Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, hourEnd(0)),
                        tuple(SignalAction.CLEAR, hourEnd(6)));
    }

    @Test
    void aClearedAlertLeavesNoStateAndNoTimer() throws Exception {
        hour(0, 210);
        hour(1, 100);
        hour(2, 100);
        hour(3, 100);

        assertThat(harness.extractOutputValues())
                .extracting(Signal::action)
                .containsExactly(SignalAction.RAISE, SignalAction.CLEAR);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void theEndOfABoundedInputForgetsNothing() throws Exception {
        hour(0, 210);
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues())
                .extracting(Signal::action)
                .containsExactly(SignalAction.RAISE);
    }
}
