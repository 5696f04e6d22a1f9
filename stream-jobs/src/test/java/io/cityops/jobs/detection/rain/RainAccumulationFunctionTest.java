package io.cityops.jobs.detection.rain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Aggregate;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.GeoPoint;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rain operator: buckets in event time, late readings, decay and cleanup when quiet. */
class RainAccumulationFunctionTest {
    private static final long T0 = Instant.parse("2025-07-20T00:00:00Z").toEpochMilli();
    private static final long M = 60_000;
    private static final Sensor GAUGE =
            new Sensor(
                    "rg-105-1",
                    SensorKind.RAIN_GAUGE,
                    "105",
                    "105",
                    new GeoPoint(22.37, 103.52),
                    60);

    private final RainAccumulationFunction function =
            new RainAccumulationFunction(RainParams.DEFAULTS);
    private KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Signal> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        function, SensorReading::sensorId, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void rain(double minute, double mm) throws Exception {
        long ts = T0 + Math.round(minute * M);
        harness.processElement(
                new SensorReading(
                        new Reading(
                                "rg-105-1",
                                Domain.ENVIRONMENT,
                                ts,
                                Reading.NO_SEQ,
                                Map.of("rainfallMm", mm)),
                        GAUGE),
                ts);
    }

    private void watermarkAt(double minute) throws Exception {
        harness.processWatermark(T0 + Math.round(minute * M));
    }

    @Test
    void aBurstRaisesOnceAndClearsAfterItLeavesTheHourEvenWhenTheGaugeFallsQuiet()
            throws Exception {
        for (int minute = 0; minute < 30; minute++) {
            rain(minute, 2.0); // 60 mm in half an hour
        }
        watermarkAt(30);
        // ... then nothing: the sums decay by timers alone.
        watermarkAt(24 * 60 + 60);

        assertThat(harness.extractOutputValues())
                .extracting(Signal::action, s -> s.attributes().get("rain1hMm"), Signal::eventTime)
                .containsExactly(
                        // 20 mm per 10-minute bucket: 60 > 50 at the third bucket's end
                        tuple(SignalAction.RAISE, "60", T0 + 30 * M - 1),
                        // 1h sum below 40 (80 % of 50) once the first two buckets age out: at
                        // 80 min the hour holds 20 mm.
                        tuple(SignalAction.CLEAR, "20", T0 + 80 * M - 1));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void outOfOrderReadingsWithinTheWatermarkCountInTheirBuckets() throws Exception {
        rain(15, 30);
        rain(5, 30); // arrives later but belongs earlier
        watermarkAt(9.99);
        assertThat(harness.extractOutputValues())
                .extracting(Signal::action, s -> s.attributes().get("rain1hMm"))
                .isEmpty(); // 30 mm in the first bucket
        watermarkAt(20);
        assertThat(harness.extractOutputValues())
                .extracting(Signal::action, s -> s.attributes().get("rain1hMm"))
                .containsExactly(tuple(SignalAction.RAISE, "60"));
    }

    @Test
    void aReadingBehindTheWatermarkIsCountedAndSetAside() throws Exception {
        watermarkAt(30);
        rain(25, 80);
        assertThat(harness.getSideOutput(RainAccumulationFunction.LATE)).hasSize(1);
        assertThat(function.lateReadings()).isEqualTo(1);
        watermarkAt(120);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void hourlyAggregatesCarryTheThreeSums() throws Exception {
        rain(10, 5);
        rain(59, 1);
        rain(70, 2);
        watermarkAt(120);
        assertThat(harness.getSideOutput(RainAccumulationFunction.AGGREGATES))
                .extracting(StreamRecord::getValue)
                .extracting(
                        Aggregate::kind,
                        Aggregate::subjectId,
                        Aggregate::districtId,
                        Aggregate::window,
                        Aggregate::windowStart,
                        Aggregate::values)
                .containsExactly(
                        tuple(
                                "rain.station",
                                "rg-105-1",
                                "105",
                                "1h",
                                T0,
                                Map.of("rain1hMm", 6.0, "rain3hMm", 6.0, "rain24hMm", 6.0)),
                        tuple(
                                "rain.station",
                                "rg-105-1",
                                "105",
                                "1h",
                                T0 + 60 * M,
                                Map.of("rain1hMm", 2.0, "rain3hMm", 8.0, "rain24hMm", 8.0)));
    }

    @Test
    void aGaugeReportingEveryQuarterHourStillGetsItsHourlyAggregate() throws Exception {
        rain(0, 1);
        rain(15, 0);
        rain(30, 0);
        rain(45, 2);
        watermarkAt(60);
        assertThat(harness.getSideOutput(RainAccumulationFunction.AGGREGATES))
                .extracting(r -> r.getValue().value("rain1hMm"))
                .containsExactly(3.0);
    }

    @Test
    void dryReadingsLeaveNoState() throws Exception {
        for (int minute = 0; minute < 20; minute++) {
            rain(minute, 0);
        }
        watermarkAt(60);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
