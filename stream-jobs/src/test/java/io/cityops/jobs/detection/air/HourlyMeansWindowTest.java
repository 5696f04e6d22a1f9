package io.cityops.jobs.detection.air;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.city.GeoPoint;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.runtime.operators.windowing.WindowOperatorBuilder;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The station's hourly means: event-time hours, any arrival order, late readings left out. */
class HourlyMeansWindowTest {
    private static final long H = StationHour.HOUR_MS;
    private static final long M = 60_000;
    private static final Sensor STATION =
            new Sensor(
                    "aq-105-1",
                    SensorKind.AIR_QUALITY_STATION,
                    "105",
                    "105",
                    new GeoPoint(22.39, 103.41),
                    60);

    private KeyedOneInputStreamOperatorTestHarness<String, SensorReading, StationHour> harness;

    @BeforeEach
    void open() throws Exception {
        WindowOperatorBuilder<SensorReading, String, TimeWindow> builder =
                new WindowOperatorBuilder<>(
                        TumblingEventTimeWindows.of(Duration.ofHours(1)),
                        EventTimeTrigger.create(),
                        new ExecutionConfig(),
                        TypeInformation.of(SensorReading.class),
                        SensorReading::sensorId,
                        Types.STRING);
        OneInputStreamOperator<SensorReading, StationHour> op =
                builder.aggregate(
                        new HourlyMeans(),
                        new StationHourWindow(),
                        TypeInformation.of(HourSums.class));
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        op, SensorReading::sensorId, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void reading(long ts, Map<String, Double> metrics) throws Exception {
        harness.processElement(
                new SensorReading(
                        new Reading("aq-105-1", Domain.ENVIRONMENT, ts, Reading.NO_SEQ, metrics),
                        STATION),
                ts);
    }

    @Test
    void meansPerPollutantOverTheHourInAnyArrivalOrderWithoutTheLateReading() throws Exception {
        reading(50 * M, Map.of("pm25", 30.0, "no2", 10.0));
        reading(10 * M, Map.of("pm25", 10.0, "pm10", 40.0));
        reading(65 * M, Map.of("pm25", 99.0)); // next hour, early
        reading(30 * M, Map.of("pm25", 20.0, "no2", 20.0));
        harness.processWatermark(H - 1);
        reading(40 * M, Map.of("pm25", 1000.0)); // behind the watermark: its hour is closed
        harness.processWatermark(2 * H - 1);

        assertThat(harness.extractOutputValues())
                .containsExactly(
                        new StationHour(
                                "aq-105-1",
                                "105",
                                0,
                                20.0,
                                40.0,
                                Double.NaN,
                                Double.NaN,
                                15.0,
                                Double.NaN,
                                3),
                        new StationHour(
                                "aq-105-1",
                                "105",
                                H,
                                99.0,
                                Double.NaN,
                                Double.NaN,
                                Double.NaN,
                                Double.NaN,
                                Double.NaN,
                                1));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
