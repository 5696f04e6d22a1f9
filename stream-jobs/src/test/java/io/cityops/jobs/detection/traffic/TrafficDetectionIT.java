package io.cityops.jobs.detection.traffic;

import static io.cityops.jobs.detection.traffic.TrafficFixtures.LE_DUAN;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.QL4D;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.QL4D_UP;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.TAM_DUONG;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.minute;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.reading;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.DetectionJob;
import io.cityops.jobs.detection.DetectorOutputs;
import io.cityops.jobs.detection.SensorReading;
import io.cityops.jobs.testing.FlinkCluster;
import io.cityops.jobs.testing.JsonLinesSink;
import io.cityops.jobs.testing.ScriptedSensorReadings;
import io.cityops.model.Aggregate;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.RoadSegment;
import io.cityops.model.json.JsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The traffic detectors on a MiniCluster at parallelism 2, Kryo off, with a scripted half hour in
 * Lai Châu city: at minute 10 a crash blocks QL4D for 7 minutes (its upstream detector fills, its
 * downstream one empties) while the neighbouring Lê Duẩn is merely congested (both detectors slow
 * and full); Tam Đường flows freely throughout. Each detector reports every 30 s.
 */
class TrafficDetectionIT {
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkCluster.withParallelismTwo();

    private static final int MINUTES = 30;
    private static final int TROUBLE_FROM = 10;
    private static final int TROUBLE_UNTIL = 16; // inclusive

    @Test
    void aBlockageIsAnIncidentAndItsCongestedNeighbourIsOnlyCongestion(@TempDir Path tmp)
            throws Exception {
        Path signalsDir = Files.createDirectory(tmp.resolve("signals"));
        Path aggregatesDir = Files.createDirectory(tmp.resolve("aggregates"));

        StreamExecutionEnvironment env = FlinkCluster.environment();

        env.configure(DetectionJob.runtimeOptions()); // as the job runs: object reuse, no Kryo
        DataStream<SensorReading> readings =
                env.fromSource(
                                ScriptedSensorReadings.source(script()),
                                WatermarkStrategy.<SensorReading>forBoundedOutOfOrderness(
                                                Duration.ofSeconds(30))
                                        .withTimestampAssigner((r, previous) -> r.ts()),
                                "scripted readings",
                                TypeInformation.of(SensorReading.class))
                        .setParallelism(1);
        DetectorOutputs out =
                TrafficDetectors.attach(readings, TrafficFixtures.city(), TrafficParams.DEFAULTS);
        out.signals().sinkTo(new JsonLinesSink<>(signalsDir, JsonCodec.SIGNAL));
        out.aggregates().sinkTo(new JsonLinesSink<>(aggregatesDir, JsonCodec.AGGREGATE));
        env.execute("traffic-detection-it");

        List<Signal> signals =
                flatten(JsonLinesSink.read(signalsDir, JsonCodec.SIGNAL)).stream()
                        .sorted(Comparator.comparingLong(Signal::eventTime))
                        .toList();
        assertThat(signals)
                .extracting(Signal::type, Signal::subjectId, Signal::action, Signal::eventTime)
                .containsExactly(
                        // Tentative at minute 10 (downstream fell from 8 % to 2 %), confirmed at
                        // 11.
                        tuple("traffic.incident", QL4D, SignalAction.RAISE, minute(12)),
                        // The 5-minute window is congested from minute 13 on: raised on its 2nd
                        // slide.
                        tuple("traffic.congestion", LE_DUAN, SignalAction.RAISE, minute(15)),
                        // The queue is gone at minute 17: OCCRDF falls below 0.5.
                        tuple("traffic.incident", QL4D, SignalAction.CLEAR, minute(18)),
                        // Windows ending at 17 and 18 are still congested (with the margin).
                        tuple("traffic.congestion", LE_DUAN, SignalAction.CLEAR, minute(21)));
        assertThat(signals.get(1).severity().name()).isEqualTo("MINOR");
        assertThat(signals.get(1).attributes()).containsEntry("level", "congested");

        List<Aggregate> aggregates =
                flatten(JsonLinesSink.read(aggregatesDir, JsonCodec.AGGREGATE));
        assertThat(aggregates).hasSize(3 * MINUTES);
        assertThat(aggregates)
                .extracting(Aggregate::subjectId)
                .containsOnly(QL4D, LE_DUAN, TAM_DUONG);
        List<Aggregate> ql4d =
                aggregates.stream()
                        .filter(a -> a.subjectId().equals(QL4D))
                        .sorted(Comparator.comparingLong(Aggregate::windowStart))
                        .toList();
        assertThat(ql4d)
                .extracting(Aggregate::windowStart)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, MINUTES)
                                .mapToObj(TrafficFixtures::minute)
                                .toList());
        Aggregate before = ql4d.get(TROUBLE_FROM - 1);
        assertThat(before.kind()).isEqualTo("traffic.segment");
        assertThat(before.window()).isEqualTo("1m");
        assertThat(before.districtId()).isEqualTo("105");
        assertThat(before.value("speedRatio")).isCloseTo(0.9, offset(1e-9));
        assertThat(before.value("occupancy")).isCloseTo(8, offset(1e-9));
        assertThat(before.value("travelTimeIndex")).isCloseTo(0.9, offset(1e-9));
        assertThat(before.labels()).containsEntry("level", "free");
        Aggregate blocked = ql4d.get(TROUBLE_FROM);
        // Pooled speed (8 + 48) / 2 looks merely slow; the travel time, with half the segment
        // crawling at 8 km/h, tells the truth: 50 / harmonic mean of 8 and 48.
        assertThat(blocked.value("speedRatio")).isCloseTo(0.56, offset(1e-9));
        assertThat(blocked.value("occupancy")).isCloseTo(26, offset(1e-9));
        assertThat(blocked.value("travelTimeIndex"))
                .isCloseTo(2 / (50 * (1 / 8.0 + 1 / 48.0)), offset(1e-9));
        assertThat(blocked.labels()).containsEntry("level", "slow");
        assertThat(ql4d.get(TROUBLE_UNTIL + 1).value("travelTimeIndex"))
                .isCloseTo(0.9, offset(1e-9));
    }

    /** Every detector every 30 s, in time order except one reading held back 30 s. */
    private static List<SensorReading> script() {
        RoadSegment ql4d = segment(QL4D);
        RoadSegment leDuan = segment(LE_DUAN);
        RoadSegment tamDuong = segment(TAM_DUONG);
        List<SensorReading> script = new ArrayList<>();
        SensorReading heldBack = null;
        for (int m = 0; m < MINUTES; m++) {
            boolean trouble = m >= TROUBLE_FROM && m <= TROUBLE_UNTIL;
            for (double at : new double[] {m, m + 0.5}) {
                List<SensorReading> now = new ArrayList<>();
                now.add(reading(ql4d.upstreamSensorId(), at, trouble ? 8 : 45, trouble ? 50 : 8));
                now.add(reading(ql4d.downstreamSensorId(), at, trouble ? 48 : 45, trouble ? 2 : 8));
                now.add(
                        reading(
                                leDuan.upstreamSensorId(),
                                at,
                                trouble ? 15 : 45,
                                trouble ? 27 : 8));
                now.add(
                        reading(
                                leDuan.downstreamSensorId(),
                                at,
                                trouble ? 15 : 45,
                                trouble ? 24 : 8));
                now.add(reading(tamDuong.upstreamSensorId(), at, 55, 8));
                now.add(reading(tamDuong.downstreamSensorId(), at, 55, 8));
                if (at == 11) {
                    heldBack = now.remove(0); // QL4D upstream at 11:00 arrives after 11:30's
                    if (!heldBack.sensorId().equals(QL4D_UP)) {
                        throw new IllegalStateException("script out of shape");
                    }
                }
                script.addAll(now);
                if (at == 11.5) {
                    script.add(heldBack);
                }
            }
            script.add(riverGauge(m)); // not traffic: the detectors must ignore it
        }
        return script;
    }

    private static SensorReading riverGauge(int m) {
        Reading r =
                new Reading(
                        "wl-107-muongte",
                        Domain.ENVIRONMENT,
                        minute(m),
                        Reading.NO_SEQ,
                        Map.of("waterLevelCm", 28_500.0));
        return new SensorReading(r, TrafficFixtures.city().sensor("wl-107-muongte").orElseThrow());
    }

    private static <T> List<T> flatten(Collection<List<T>> perWriter) {
        return perWriter.stream().flatMap(List::stream).toList();
    }
}
