package io.cityops.jobs.detection.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The station AQI operator: NowCast history per station, daily timers, cleanup when quiet. */
class StationAqiFunctionTest {
    /** Local midnight in Lai Châu (UTC+7): 2025-01-09T17:00Z. */
    private static final long DAY = Instant.parse("2025-01-09T17:00:00Z").toEpochMilli();

    private static final long H = StationHour.HOUR_MS;

    private KeyedOneInputStreamOperatorTestHarness<String, StationHour, AqiObservation> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new StationAqiFunction(AirParams.DEFAULTS),
                        StationHour::stationId,
                        Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void hour(int h, double pm25) throws Exception {
        StationHour sh =
                new StationHour(
                        "aq-105-1",
                        "105",
                        DAY + h * H,
                        pm25,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        60);
        harness.processElement(sh, sh.hourEnd());
    }

    @Test
    void theFirstHourHasNoNowCastTheSecondHas() throws Exception {
        hour(0, 100);
        assertThat(harness.extractOutputValues()).isEmpty();
        hour(1, 100);
        assertThat(harness.extractOutputValues())
                .extracting(
                        AqiObservation::window, AqiObservation::windowStart, AqiObservation::aqi)
                .containsExactly(tuple("1h", DAY + H, 164));
    }

    @Test
    void anHourArrivingOutOfOrderIsRatedWithTheHoursBeforeIt() throws Exception {
        hour(0, 50);
        hour(2, 50);
        hour(3, 50);
        hour(1, 50);
        // hour 2 has hours 2 and 0 of its last three: valid; hour 1 (late) has 1 and 0: valid.
        assertThat(harness.extractOutputValues())
                .extracting(AqiObservation::windowStart, AqiObservation::aqi)
                .containsExactly(
                        tuple(DAY + 2 * H, 100), tuple(DAY + 3 * H, 100), tuple(DAY + H, 100));
    }

    @Test
    void aDailyAqiAtTheLocalDaysEnd() throws Exception {
        for (int h = 0; h < 24; h++) {
            hour(h, 50);
        }
        harness.processWatermark(DAY + 24 * H - 1);
        assertThat(harness.extractOutputValues())
                .filteredOn(o -> o.window().equals("1d"))
                .extracting(
                        AqiObservation::windowStart, AqiObservation::aqi, AqiObservation::dominant)
                .containsExactly(tuple(DAY, 100, Pollutant.PM25));
    }

    @Test
    void aQuietStationIsForgottenAndLeavesNoTimers() throws Exception {
        hour(0, 50);
        hour(1, 50);
        assertThat(harness.numKeyedStateEntries())
                .isEqualTo(2); // the hours map and the latest hour
        assertThat(harness.numEventTimeTimers()).isEqualTo(2); // day end + cleanup

        harness.processWatermark(DAY + (1 + StationAqiFunction.KEPT_HOURS) * H);

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
