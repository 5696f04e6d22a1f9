package io.cityops.jobs.detection.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The district AQI operator: the worst station per window, emitted once at the watermark. */
class DistrictAqiFunctionTest {
    private static final long H = StationHour.HOUR_MS;

    private final DistrictAqiFunction function = new DistrictAqiFunction();
    private KeyedOneInputStreamOperatorTestHarness<String, AqiObservation, AqiObservation> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        function, AqiObservation::districtId, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void station(String id, int hour, int aqi) throws Exception {
        AqiObservation o =
                new AqiObservation(
                        id,
                        id,
                        "105",
                        "1h",
                        hour * H,
                        AqiStandardId.VN,
                        aqi,
                        AqiCategory.of(aqi),
                        Pollutant.PM25,
                        aqi,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN);
        harness.processElement(o, hour * H + H - 1);
    }

    @Test
    void theDistrictIsItsWorstStationOncePerHour() throws Exception {
        station("aq-105-1", 0, 120);
        station("aq-105-2", 0, 170);
        station("aq-105-3", 0, 90);
        station("aq-105-1", 1, 60); // next hour already in flight
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(H - 1);

        assertThat(harness.extractOutputValues())
                .extracting(
                        AqiObservation::subjectId, AqiObservation::stationId, AqiObservation::aqi)
                .containsExactly(tuple("105", "aq-105-2", 170));
        harness.processWatermark(2 * H - 1);
        assertThat(harness.extractOutputValues()).hasSize(2);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aStationValueBehindTheWatermarkIsCountedAndDropped() throws Exception {
        harness.processWatermark(H - 1);
        station("aq-105-1", 0, 200);
        assertThat(function.lateStationAqi()).isEqualTo(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void tiesGoToTheSmallerStationIdWhateverTheArrivalOrder() throws Exception {
        station("aq-105-2", 0, 170);
        station("aq-105-1", 0, 170);
        harness.processWatermark(H - 1);
        assertThat(harness.extractOutputValues())
                .extracting(AqiObservation::stationId)
                .containsExactly("aq-105-1");
    }
}
