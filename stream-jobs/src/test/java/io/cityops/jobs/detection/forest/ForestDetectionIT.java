package io.cityops.jobs.detection.forest;

import static io.cityops.jobs.detection.forest.ForestFixtures.A1;
import static io.cityops.jobs.detection.forest.ForestFixtures.A2;
import static io.cityops.jobs.detection.forest.ForestFixtures.A3;
import static io.cityops.jobs.detection.forest.ForestFixtures.B1;
import static io.cityops.jobs.detection.forest.ForestFixtures.DRY_SPELL;
import static io.cityops.jobs.detection.forest.ForestFixtures.air;
import static io.cityops.jobs.detection.forest.ForestFixtures.dayAt;
import static io.cityops.jobs.detection.forest.ForestFixtures.dayStart;
import static io.cityops.jobs.detection.forest.ForestFixtures.minute;
import static io.cityops.jobs.detection.forest.ForestFixtures.weather;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.DetectionJob;
import io.cityops.jobs.detection.DetectorOutputs;
import io.cityops.jobs.detection.SensorReading;
import io.cityops.jobs.testing.FlinkCluster;
import io.cityops.jobs.testing.JsonLinesSink;
import io.cityops.jobs.testing.ScriptedSensorReadings;
import io.cityops.model.Aggregate;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.json.JsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forest detectors on a MiniCluster at parallelism 2, Kryo off ({@code pipeline.generic-types:
 * false}, Flink 2.x's form of {@code disableGenericTypes()}), fed a scripted bounded stream of
 * enriched readings: a fire seen at one station of Mường Tè A and confirmed by a second, beside
 * smoke without heat in the neighbouring zone; and a week of weather in which a dry spell reaches
 * fire-danger level III and a rainy day clears it.
 */
class ForestDetectionIT {
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkCluster.withParallelismTwo();

    @Test
    void aFireSeenAtOneStationAndConfirmedByASecondIsOneIncidentOfItsZone(@TempDir Path tmp)
            throws Exception {
        List<SensorReading> script = new ArrayList<>();
        for (int m = 0; m <= 60; m++) {
            boolean burning = m >= 10 && m <= 20;
            // a1 warms from 22 °C to 28 at minute 10 and 33 at 11 with 300 ppm of smoke.
            double a1Temp = m < 10 ? 22 : m == 10 ? 28 : m <= 20 ? 33 : 24;
            script.add(air(A1, m, a1Temp, burning ? 300 : 1));
            // a2, downwind, sees less smoke and little heat from minute 13.
            script.add(air(A2, m, m >= 13 && m <= 20 ? 25 : 22, m >= 13 && m <= 20 ? 120 : 1));
            script.add(air(A3, m, 22, 1));
            // The neighbouring zone: smoke at one station without any rise (a burning field
            // nearby, say): nothing to raise.
            script.add(air(B1, m, 23, m >= 5 && m <= 40 ? 200 : 1));
        }
        Outputs out = run(tmp, script);

        assertThat(out.signals())
                .extracting(
                        Signal::type,
                        Signal::subjectId,
                        Signal::action,
                        Signal::severity,
                        s -> s.attributes().get("stations"),
                        Signal::eventTime)
                .containsExactly(
                        tuple(
                                "forest.fire",
                                "forest-107-a",
                                SignalAction.RAISE,
                                Severity.MAJOR,
                                A1,
                                minute(11)),
                        tuple(
                                "forest.fire",
                                "forest-107-a",
                                SignalAction.UPDATE,
                                Severity.CRITICAL,
                                A1 + "," + A2,
                                minute(13)),
                        tuple(
                                "forest.fire",
                                "forest-107-a",
                                SignalAction.CLEAR,
                                Severity.INFO,
                                A1 + "," + A2,
                                minute(50)));
    }

    @Test
    void aDrySpellReachesLevelThreeAndARainyDayClearsIt(@TempDir Path tmp) throws Exception {
        List<SensorReading> script = new ArrayList<>();
        for (int n = 1; n <= DRY_SPELL.length; n++) {
            double[] d = DRY_SPELL[n - 1];
            for (int hour = 1; hour < 24; hour += 3) { // 01:00, 04:00, ... 22:00 local
                boolean noon = hour == 13;
                for (String station : new String[] {A1, A2}) {
                    script.add(
                            weather(
                                    station,
                                    dayAt(n, hour),
                                    noon ? d[0] : d[0] - 6,
                                    noon ? d[1] : 85,
                                    d[2] / 8));
                }
                script.add(weather(B1, dayAt(n, hour), 20, 95, 0)); // a cool, damp neighbour
            }
        }
        Outputs out = run(tmp, script);

        assertThat(out.signals())
                .extracting(
                        Signal::type,
                        Signal::subjectId,
                        Signal::action,
                        Signal::severity,
                        s -> s.attributes().get("level"),
                        Signal::eventTime)
                .containsExactly(
                        tuple(
                                "forest.fire-danger",
                                "forest-107-a",
                                SignalAction.RAISE,
                                Severity.MINOR,
                                "III",
                                dayAt(3, 13)),
                        tuple(
                                "forest.fire-danger",
                                "forest-107-a",
                                SignalAction.CLEAR,
                                Severity.INFO,
                                "I",
                                dayAt(4, 13)));
        assertThat(out.aggregates().stream().filter(a -> a.subjectId().equals("forest-107-a")))
                .extracting(Aggregate::kind, Aggregate::windowStart, a -> a.labels().get("level"))
                .containsExactly(
                        tuple("forest.zone", dayStart(1), "I"),
                        tuple("forest.zone", dayStart(2), "II"),
                        tuple("forest.zone", dayStart(3), "III"),
                        tuple("forest.zone", dayStart(4), "I"),
                        tuple("forest.zone", dayStart(5), "I"));
        assertThat(out.aggregates().stream().filter(a -> a.subjectId().equals("forest-107-b")))
                .hasSize(5)
                .allSatisfy(a -> assertThat(a.labels()).containsEntry("level", "I"));
    }

    private record Outputs(List<Signal> signals, List<Aggregate> aggregates) {}

    private static Outputs run(Path tmp, List<SensorReading> script) throws Exception {
        Path signalsDir = Files.createDirectory(tmp.resolve("signals"));
        Path aggregatesDir = Files.createDirectory(tmp.resolve("aggregates"));
        StreamExecutionEnvironment env = FlinkCluster.environment();
        env.configure(DetectionJob.runtimeOptions()); // as the job runs: object reuse, no Kryo
        DataStream<SensorReading> readings =
                env.fromSource(
                        ScriptedSensorReadings.source(script),
                        WatermarkStrategy.<SensorReading>forBoundedOutOfOrderness(
                                        Duration.ofSeconds(30))
                                .withTimestampAssigner((r, previous) -> r.ts()),
                        "scripted forest readings",
                        TypeInformation.of(SensorReading.class));
        DetectorOutputs outputs =
                ForestDetectors.attach(readings, ForestFixtures.city(), ForestParams.DEFAULTS);
        outputs.signals().sinkTo(new JsonLinesSink<>(signalsDir, JsonCodec.SIGNAL));
        outputs.aggregates().sinkTo(new JsonLinesSink<>(aggregatesDir, JsonCodec.AGGREGATE));
        env.execute("forest-detection-it");
        return new Outputs(
                flatten(JsonLinesSink.read(signalsDir, JsonCodec.SIGNAL)),
                flatten(JsonLinesSink.read(aggregatesDir, JsonCodec.AGGREGATE)));
    }

    private static <T> List<T> flatten(Collection<List<T>> perWriter) {
        return perWriter.stream().flatMap(List::stream).toList();
    }
}
