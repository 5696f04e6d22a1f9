package io.cityops.jobs.detection;

import static io.cityops.jobs.testing.RiverFixtures.MUONG_TE_GAUGE;
import static io.cityops.jobs.testing.RiverFixtures.NAM_GIANG_GAUGE;
import static io.cityops.jobs.testing.RiverFixtures.minute;
import static io.cityops.jobs.testing.RiverFixtures.raw;
import static io.cityops.jobs.testing.RiverFixtures.waterLevel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.registry.RegistryReplay;
import io.cityops.jobs.testing.FlinkCluster;
import io.cityops.jobs.testing.JsonLinesSink;
import io.cityops.jobs.testing.RiverFixtures;
import io.cityops.jobs.testing.ScriptedReadings;
import io.cityops.model.Aggregate;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.RejectedReading;
import io.cityops.model.RejectionReason;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.SensorRegistration;
import io.cityops.model.config.Settings;
import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole detection topology on a MiniCluster at parallelism 2, with a scripted bounded source.
 */
class DetectionJobIT {
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkCluster.withParallelismTwo();

    /** Mường Tè rises through levels I and II and falls back; readings every 5 minutes. */
    private static final double[] MUONG_TE_CM = {
        28_500, 28_550, 28_610, 28_700, 28_790, 28_820, 28_850, 28_810, 28_760, 28_720, 28_700,
        28_650, 28_570, 28_550, 28_540, 28_530, 28_520
    };

    @Test
    void aRiverCrossingLevelsOneAndTwoAndFallingBackGivesOneIncidentAndItsAggregates(
            @TempDir Path tmp) throws Exception {
        List<RawReading> script = new ArrayList<>();
        for (int i = 0; i < MUONG_TE_CM.length; i++) {
            script.add(raw(waterLevel(MUONG_TE_GAUGE, 5 * i, MUONG_TE_CM[i])));
            script.add(
                    raw(waterLevel(NAM_GIANG_GAUGE, 5 * i, 20_400 + i))); // far below its level I
            script.add(
                    raw(
                            new Reading(
                                    "aq-105-1",
                                    Domain.ENVIRONMENT,
                                    minute(5 * i),
                                    1,
                                    Map.of("pm25", 300.0))));
            if (i == 2) {
                script.add(raw(waterLevel("wl-999-ghost", 5 * i, 10_000)));
            }
            if (i == 3) {
                script.add(
                        new RawReading(
                                "readings.environment",
                                MUONG_TE_GAUGE,
                                "{\"sensorId\":\"wl-107-muongte\",\"ts\":"
                                        .getBytes(StandardCharsets.UTF_8)));
            }
        }
        Path signalsDir = Files.createDirectory(tmp.resolve("signals"));
        Path rejectedDir = Files.createDirectory(tmp.resolve("rejected"));
        Path aggregatesDir = Files.createDirectory(tmp.resolve("aggregates"));
        Path lateDir = Files.createDirectory(tmp.resolve("late"));

        StreamExecutionEnvironment env = FlinkCluster.environment();

        env.configure(DetectionJob.runtimeOptions()); // as the job runs: object reuse, no Kryo
        DetectionJob.defineWorkflow(
                env,
                ScriptedReadings.source(script),
                RegistryReplay.of(
                        RiverFixtures.city().sensors().stream()
                                .map(SensorRegistration::of)
                                .toList()),
                new DetectionSinks(
                        new JsonLinesSink<>(signalsDir, JsonCodec.SIGNAL),
                        new JsonLinesSink<>(aggregatesDir, JsonCodec.AGGREGATE),
                        new JsonLinesSink<>(lateDir, LateReading.JSON),
                        new JsonLinesSink<>(rejectedDir, JsonCodec.REJECTED)),
                RiverFixtures.city(),
                DetectionJobConfig.from(
                        Settings.of(
                                Map.of(
                                        DetectionJobConfig.UNKNOWN_SENSOR_HOLD,
                                        "0s",
                                        // The scripted source splits a gauge's readings between
                                        // two readers (Kafka keeps them in one partition): only
                                        // event-time order makes the river's signals
                                        // deterministic here. Arrival order, the default, is
                                        // covered by water.RiverLevelArrivalIT.
                                        "detection.water.evaluation",
                                        "event-time"))));
        env.execute("detection-it");

        List<Signal> signals = flatten(JsonLinesSink.read(signalsDir, JsonCodec.SIGNAL));
        // The air-quality station's steady 300 µg/m³ of PM2.5 is hazardous: the environment
        // detectors wired into the same job raise exactly one district AQI alert, nothing else.
        assertThat(signals)
                .filteredOn(s -> !s.type().startsWith("water."))
                .extracting(Signal::type, Signal::subjectId, Signal::action)
                .containsExactly(tuple("air.aqi", "105", SignalAction.RAISE));
        // Mường Tè's rise (+110 cm in its first 10 minutes) is also fast on its own: water.rise
        // from minute 10 until the hour's rate has stayed under 25 cm/h for 10 minutes (65 to 75).
        assertThat(signals)
                .filteredOn(s -> s.type().equals("water.rise"))
                .extracting(Signal::subjectId, Signal::action, Signal::eventTime)
                .containsExactly(
                        tuple("rs-107-muongte", SignalAction.RAISE, minute(10)),
                        tuple("rs-107-muongte", SignalAction.CLEAR, minute(75)));
        assertThat(signals)
                .filteredOn(s -> s.type().equals("water.level"))
                .extracting(
                        Signal::subjectId,
                        Signal::action,
                        s -> s.attributes().get("level"),
                        Signal::eventTime)
                .containsExactly(
                        tuple("rs-107-muongte", SignalAction.RAISE, "1", minute(10)),
                        tuple("rs-107-muongte", SignalAction.UPDATE, "2", minute(25)),
                        tuple("rs-107-muongte", SignalAction.UPDATE, "1", minute(50)),
                        tuple("rs-107-muongte", SignalAction.CLEAR, "0", minute(70)));
        assertThat(flatten(JsonLinesSink.read(rejectedDir, JsonCodec.REJECTED)))
                .extracting(RejectedReading::reason, RejectedReading::sensorId)
                .containsExactlyInAnyOrder(
                        tuple(RejectionReason.MALFORMED, MUONG_TE_GAUGE),
                        tuple(RejectionReason.UNKNOWN_SENSOR, "wl-999-ghost"));

        List<Aggregate> aggregates =
                flatten(JsonLinesSink.read(aggregatesDir, JsonCodec.AGGREGATE));
        // Minutes 0 to 55: the first twelve readings of the gauge fall in the first hour.
        assertThat(aggregates)
                .filteredOn(a -> a.key().equals("sensor:wl-107-muongte:1h:" + minute(0)))
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.domain()).isEqualTo(Domain.ENVIRONMENT);
                            assertThat(a.districtId())
                                    .isEqualTo(
                                            RiverFixtures.city()
                                                    .sensor(MUONG_TE_GAUGE)
                                                    .orElseThrow()
                                                    .districtId());
                            assertThat(a.values())
                                    .containsOnly(
                                            Map.entry("waterLevelCm_mean", 28_705.0),
                                            Map.entry("waterLevelCm_min", 28_500.0),
                                            Map.entry("waterLevelCm_max", 28_850.0),
                                            Map.entry("count", 12.0));
                        });
        assertThat(aggregates)
                .filteredOn(a -> a.key().equals("sensor:aq-105-1:1m:" + minute(5)))
                .extracting(Aggregate::values)
                .containsExactly(
                        Map.of(
                                "pm25_mean", 300.0,
                                "pm25_min", 300.0,
                                "pm25_max", 300.0,
                                "count", 1.0));
        assertThat(aggregates)
                .extracting(Aggregate::kind)
                .containsOnly("sensor", "district", "air.station", "air.district");
        assertThat(flatten(JsonLinesSink.read(lateDir, LateReading.JSON))).isEmpty();
    }

    @Test
    void theTestEnvironmentRefusesKryoSoTheSerializerGuardIsReal() {
        StreamExecutionEnvironment env = FlinkCluster.environment();
        env.configure(DetectionJob.runtimeOptions()); // as the job runs: object reuse, no Kryo

        assertThatThrownBy(
                        () ->
                                env.fromData(new StringBuilder("not a POJO"))
                                        .sinkTo(new DiscardingSink<>()))
                .hasMessageContaining("Generic types have been disabled");
    }

    private static <T> List<T> flatten(Collection<List<T>> perWriter) {
        return perWriter.stream().flatMap(List::stream).toList();
    }
}
