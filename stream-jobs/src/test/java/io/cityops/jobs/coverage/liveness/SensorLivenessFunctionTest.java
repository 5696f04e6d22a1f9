package io.cityops.jobs.coverage.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Liveness on processing-time timers: a forest station of the sample province (heartbeat 60 s) is
 * silent 180 s after its last reading, with no further event or watermark needed.
 */
class SensorLivenessFunctionTest {
    private static final CityModel CITY = CityModelLoader.sample();
    private static final String STATION = "fs-105-a1";
    private static final long T0 = 1_753_000_000_000L; // 2025-07-20, the harness's clock
    private static final long WINDOW = 180_000;

    private KeyedOneInputStreamOperatorTestHarness<String, Reading, SensorStatus> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new SensorLivenessFunction(CITY, new SilenceRule(3)),
                        Reading::sensorId,
                        Types.STRING);
        harness.setProcessingTime(T0);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void reading(String sensor, long ts) throws Exception {
        harness.processElement(
                new Reading(
                        sensor, Domain.FOREST, ts, Reading.NO_SEQ, Map.of("temperatureC", 20.0)),
                ts);
    }

    @Test
    void silenceIsDetectedWithoutAnyFurtherEventOrWatermark() throws Exception {
        reading(STATION, T0);
        harness.setProcessingTime(T0 + WINDOW - 1);
        assertThat(harness.extractOutputValues())
                .containsExactly(new SensorStatus(STATION, true, T0));

        harness.setProcessingTime(T0 + WINDOW);

        assertThat(harness.extractOutputValues())
                .containsExactly(
                        new SensorStatus(STATION, true, T0),
                        new SensorStatus(STATION, false, T0 + WINDOW));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void everyReadingPushesTheDeadlineOnAndStartsNothingNew() throws Exception {
        reading(STATION, T0);
        harness.setProcessingTime(T0 + 100_000);
        reading(STATION, T0 + 100_000);
        harness.setProcessingTime(T0 + WINDOW + 50_000);

        assertThat(harness.extractOutputValues())
                .extracting(SensorStatus::reporting)
                .containsExactly(true);
        assertThat(harness.numProcessingTimeTimers()).isOne();

        harness.setProcessingTime(T0 + 100_000 + WINDOW);
        assertThat(harness.extractOutputValues())
                .extracting(SensorStatus::reporting)
                .containsExactly(true, false);
    }

    @Test
    void aSilentSensorThatReportsAgainIsBack() throws Exception {
        reading(STATION, T0);
        harness.setProcessingTime(T0 + WINDOW);
        harness.setProcessingTime(T0 + WINDOW + 60_000);
        reading(STATION, T0 + WINDOW + 60_000);

        assertThat(harness.extractOutputValues())
                .extracting(SensorStatus::reporting, SensorStatus::eventTime)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(true, T0),
                        org.assertj.core.groups.Tuple.tuple(false, T0 + WINDOW),
                        org.assertj.core.groups.Tuple.tuple(true, T0 + WINDOW + 60_000));
    }

    @Test
    void staleReadingsAndUnknownSensorsProveNothing() throws Exception {
        reading(STATION, T0 - WINDOW - 1); // a backlog after a restart
        reading("fs-999-x", T0);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }
}
