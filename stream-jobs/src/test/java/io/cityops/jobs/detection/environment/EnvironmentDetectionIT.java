package io.cityops.jobs.detection.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.DetectionJob;
import io.cityops.jobs.detection.DetectorOutputs;
import io.cityops.jobs.detection.SensorReading;
import io.cityops.jobs.testing.FlinkCluster;
import io.cityops.jobs.testing.JsonLinesSink;
import io.cityops.jobs.testing.RiverFixtures;
import io.cityops.jobs.testing.ScriptedSensorReadings;
import io.cityops.model.Aggregate;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.CityModel;
import io.cityops.model.json.JsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The environment detectors on a MiniCluster at parallelism 2 with Kryo off: an AQI episode over
 * Thành phố Lai Châu (105) while Tam Đường (106) stays clean, and a rain burst on one gauge.
 */
class EnvironmentDetectionIT {
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkCluster.withParallelismTwo();

    /** Local midnight in Lai Châu (UTC+7). */
    private static final long T0 = Instant.parse("2025-01-09T17:00:00Z").toEpochMilli();

    private static final long H = 3_600_000L;
    private static final long M = 60_000L;

    /** Hourly mean PM2.5 of the two stations of district 105 and the one of 106 used here. */
    private static final double[] AQ_105_1 = {
        30, 30, 90, 150, 250, 200, 60, 30, 30, 30, 30, 30, 30
    };

    private static final double[] AQ_105_2 = {20, 20, 40, 60, 100, 80, 30, 15, 15, 15, 15, 15, 15};
    private static final double AQ_106_1 = 20;

    /**
     * District 105's hourly AQI from hour 1 (hour 0 has no NowCast), by hand: the NowCast of
     * aq-105-1 (e.g. hour 3: w = 30/150 → 0.5, (150 + 45 + 7.5 + 3.75)/(1 + .5 + .25 + .125) = 110
     * → 50/70·30 + 150 = 171.4), always the worse of the two stations.
     */
    private static final int[] DISTRICT_105_AQI = {
        60, 124, 171, 232, 241, 182, 146, 106, 84, 72, 66, 63
    };

    private static final double[] WITHIN_HOUR = {-5, 5, -2, 2, 0, 0};

    @Test
    void anAqiEpisodeAndARainBurst(@TempDir Path tmp) throws Exception {
        CityModel city = RiverFixtures.city();
        List<SensorReading> script = new ArrayList<>();
        for (int h = 0; h < AQ_105_1.length; h++) {
            for (int k = 0; k < WITHIN_HOUR.length; k++) {
                long ts = T0 + h * H + k * 10 * M + 30_000;
                script.add(air(city, "aq-105-1", ts, AQ_105_1[h] + WITHIN_HOUR[k]));
                script.add(air(city, "aq-105-2", ts, AQ_105_2[h] + WITHIN_HOUR[k]));
                script.add(air(city, "aq-106-1", ts, AQ_106_1 + WITHIN_HOUR[k]));
            }
        }
        // Rain: 10 mm every 5 minutes from 01:00 to 01:30 on rg-105-1, dry elsewhere.
        for (int minute = 0; minute < 4 * 60; minute += 5) {
            long ts = T0 + minute * M + 10_000;
            script.add(rain(city, "rg-105-1", ts, minute >= 60 && minute < 90 ? 10 : 0));
            script.add(rain(city, "rg-106-1", ts, 0));
        }
        script.sort(Comparator.comparingLong(SensorReading::ts));

        Path signalsDir = Files.createDirectory(tmp.resolve("signals"));
        Path aggregatesDir = Files.createDirectory(tmp.resolve("aggregates"));
        // pipeline.generic-types: false (Flink 2.x's disableGenericTypes()): Kryo would fail.
        StreamExecutionEnvironment env = FlinkCluster.environment();
        env.configure(DetectionJob.runtimeOptions()); // as the job runs: object reuse, no Kryo
        DataStream<SensorReading> readings =
                env.fromSource(
                        ScriptedSensorReadings.source(script),
                        WatermarkStrategy.<SensorReading>forBoundedOutOfOrderness(
                                        Duration.ofSeconds(30))
                                .withTimestampAssigner((r, previous) -> r.ts()),
                        "scripted readings",
                        TypeInformation.of(SensorReading.class));
        DetectorOutputs out =
                EnvironmentDetectors.attach(readings, city, EnvironmentParams.DEFAULTS);
        out.signals().sinkTo(new JsonLinesSink<>(signalsDir, JsonCodec.SIGNAL));
        out.aggregates().sinkTo(new JsonLinesSink<>(aggregatesDir, JsonCodec.AGGREGATE));
        env.execute("environment-detection-it");

        List<Signal> signals = flatten(JsonLinesSink.read(signalsDir, JsonCodec.SIGNAL));
        assertThat(signals.stream().filter(s -> s.type().equals("air.aqi")).toList())
                .extracting(
                        Signal::subjectId,
                        Signal::action,
                        Signal::severity,
                        s -> s.attributes().get("aqi"),
                        s -> s.attributes().get("category"),
                        s -> s.attributes().get("dominant"),
                        Signal::eventTime)
                .containsExactly(
                        tuple(
                                "105",
                                SignalAction.RAISE,
                                Severity.MINOR,
                                "171",
                                "bad",
                                "pm25",
                                hourEnd(3)),
                        tuple(
                                "105",
                                SignalAction.UPDATE,
                                Severity.MAJOR,
                                "232",
                                "very-bad",
                                "pm25",
                                hourEnd(4)),
                        // Back to bad while still above 150: the category fell, so an UPDATE.
                        tuple(
                                "105",
                                SignalAction.UPDATE,
                                Severity.MINOR,
                                "182",
                                "bad",
                                "pm25",
                                hourEnd(6)),
                        tuple(
                                "105",
                                SignalAction.CLEAR,
                                Severity.INFO,
                                "106",
                                "poor",
                                "pm25",
                                hourEnd(8)));
        assertThat(signals.stream().filter(s -> s.type().equals("rain.accumulation")).toList())
                .extracting(
                        Signal::subjectId,
                        Signal::districtId,
                        Signal::action,
                        s -> s.attributes().get("rain1hMm"),
                        s -> s.attributes().get("exceeded"),
                        Signal::eventTime)
                .containsExactly(
                        tuple("rg-105-1", "105", SignalAction.RAISE, "60", "1h", T0 + 90 * M - 1),
                        tuple("rg-105-1", "105", SignalAction.CLEAR, "20", "1h", T0 + 140 * M - 1));
        assertThat(signals).hasSize(6);

        List<Aggregate> aggregates =
                flatten(JsonLinesSink.read(aggregatesDir, JsonCodec.AGGREGATE));
        List<Aggregate> district105 =
                aggregates.stream()
                        .filter(a -> a.kind().equals("air.district") && a.subjectId().equals("105"))
                        .sorted(Comparator.comparingLong(Aggregate::windowStart))
                        .toList();
        List<Tuple> expected105 = new ArrayList<>();
        for (int i = 0; i < DISTRICT_105_AQI.length; i++) {
            expected105.add(
                    tuple("1h", T0 + (i + 1) * H, (double) DISTRICT_105_AQI[i], "aq-105-1"));
        }
        assertThat(district105)
                .extracting(
                        Aggregate::window,
                        Aggregate::windowStart,
                        a -> a.value("aqi"),
                        a -> a.labels().get("station"))
                .containsExactlyElementsOf(expected105);
        assertThat(district105.get(3).labels())
                .containsEntry("category", "very-bad")
                .containsEntry("categoryName", "Rất xấu")
                .containsEntry("dominant", "pm25")
                .containsEntry("standard", "vn");
        assertThat(
                        aggregates.stream()
                                .filter(
                                        a ->
                                                a.kind().equals("air.district")
                                                        && a.subjectId().equals("106"))
                                .map(a -> a.value("aqi"))
                                .distinct()
                                .toList())
                .containsExactly(40.0);
        // Three stations × 12 rated hours; no day is complete enough (18 h) for a daily AQI.
        assertThat(aggregates.stream().filter(a -> a.kind().equals("air.station"))).hasSize(36);
        assertThat(aggregates.stream().filter(a -> a.window().equals("1d"))).isEmpty();
        assertThat(
                        aggregates.stream()
                                .filter(
                                        a ->
                                                a.kind().equals("rain.station")
                                                        && a.subjectId().equals("rg-105-1"))
                                .sorted(Comparator.comparingLong(Aggregate::windowStart))
                                .map(a -> a.value("rain1hMm"))
                                .toList())
                .containsExactly(0.0, 60.0, 0.0, 0.0);
    }

    private static long hourEnd(int h) {
        return T0 + h * H + H - 1;
    }

    private static SensorReading air(CityModel city, String station, long ts, double pm25) {
        Map<String, Double> m =
                Map.of(
                        "pm25", pm25, "pm10", 40.0, "o3", 60.0, "co", 1000.0, "no2", 30.0, "so2",
                        20.0);
        return new SensorReading(
                new Reading(station, Domain.ENVIRONMENT, ts, Reading.NO_SEQ, m),
                city.sensor(station).orElseThrow());
    }

    private static SensorReading rain(CityModel city, String gauge, long ts, double mm) {
        return new SensorReading(
                new Reading(
                        gauge, Domain.ENVIRONMENT, ts, Reading.NO_SEQ, Map.of("rainfallMm", mm)),
                city.sensor(gauge).orElseThrow());
    }

    private static <T> List<T> flatten(List<List<T>> perWriter) {
        return perWriter.stream().flatMap(List::stream).toList();
    }
}
