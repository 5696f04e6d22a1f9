package io.cityops.jobs.detection.power;

import static io.cityops.jobs.detection.power.PowerFixtures.OTHER_TR;
import static io.cityops.jobs.detection.power.PowerFixtures.TR;
import static io.cityops.jobs.detection.power.PowerFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

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
import io.cityops.model.json.JsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * The power detectors on a MiniCluster at parallelism 2 with Kryo off, fed a scripted bounded
 * stream of two transformers ({@code tr-105-1}, {@code tr-105-2}) reporting every minute.
 */
class PowerDetectionIT {
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkCluster.withParallelismTwo();

    /** Customer meters draw 10 Wh a minute each (meter n: 10 + n/10). */
    private static double customerWhPerMinute(int n) {
        return 10 + n / 10.0;
    }

    /** Builds minute-by-minute readings of both transformers, with what each script changes. */
    private static final class Script {
        final List<Reading> readings = new ArrayList<>();
        final Map<String, Double> energy = new HashMap<>();

        void add(String meter, double minutes, Map<String, Double> metrics) {
            readings.add(
                    new Reading(meter, Domain.POWER, minute(minutes), Reading.NO_SEQ, metrics));
        }

        /** One minute of a transformer: customers and its meter with {@code lossShare}. */
        void oneMinute(String transformer, int t, double lossShare, Map<Integer, String> dark) {
            double customersWh = 0;
            for (int n = 1; n <= 10; n++) {
                String id = PowerFixtures.customer(transformer, n);
                String how = dark.getOrDefault(n, "lit");
                double wh =
                        energy.merge(
                                id, how.equals("lit") ? customerWhPerMinute(n) : 0, Double::sum);
                customersWh += how.equals("lit") ? customerWhPerMinute(n) : 0;
                switch (how) {
                    case "lit" -> add(id, t, Map.of("voltageV", 221.0, "energyWh", 1e6 + wh));
                    case "gasp" ->
                            add(
                                    id,
                                    t,
                                    Map.of("voltageV", 0.0, "lastGasp", 1.0, "energyWh", 1e6 + wh));
                    case "zero" -> add(id, t, Map.of("voltageV", 0.0, "energyWh", 1e6 + wh));
                    default -> {} // silent
                }
            }
            String meter = PowerFixtures.customer(transformer, 0);
            double wh = energy.merge(meter, customersWh / (1 - lossShare), Double::sum);
            add(meter, t, Map.of("voltageV", 222.0, "energyWh", 5e7 + wh));
        }
    }

    private static Map<Integer, String> outageOf(int t) {
        Map<Integer, String> dark = new HashMap<>();
        if (t == 11) {
            for (int n = 1; n <= 5; n++) {
                dark.put(n, "gasp");
            }
        } else if (t > 11 && t < 16) {
            for (int n = 1; n <= 5; n++) {
                dark.put(n, "silent");
            }
        }
        if (t >= 11 && t < 16) {
            for (int n = 6; n <= 8; n++) {
                dark.put(n, "zero"); // meters with a backup supply keep reporting 0 V
            }
        }
        return dark;
    }

    @Test
    void eightOfTenCustomersGoingDarkIsOneTransformerOutageAndItClearsOnRestore(@TempDir Path tmp)
            throws Exception {
        Script script = new Script();
        for (int t = 0; t <= 30; t++) {
            script.oneMinute(TR, t, 0.05, outageOf(t));
            script.oneMinute(OTHER_TR, t, 0.05, Map.of());
        }

        Result result = run(script.readings, tmp);

        assertThat(result.signals)
                .extracting(
                        Signal::type,
                        Signal::subjectId,
                        Signal::action,
                        s -> s.attributes().get("affectedCustomers"),
                        Signal::eventTime)
                .containsExactly(
                        tuple("power.outage", TR, SignalAction.RAISE, "6", minute(11)),
                        tuple("power.outage", TR, SignalAction.UPDATE, "7", minute(11)),
                        tuple("power.outage", TR, SignalAction.UPDATE, "8", minute(11)),
                        tuple("power.outage", TR, SignalAction.CLEAR, "0", minute(18)));
        assertThat(result.signals.get(2).attributes())
                .containsEntry("lastGasps", "5")
                .containsEntry("zeroVoltage", "3")
                .containsEntry(
                        "meters",
                        "pm-105-1-01,pm-105-1-02,pm-105-1-03,pm-105-1-04,pm-105-1-05,"
                                + "pm-105-1-06,pm-105-1-07,pm-105-1-08");
        // half an hour: each transformer's first hour, without a known start, so incomplete
        assertThat(result.aggregates)
                .extracting(Aggregate::subjectId, a -> a.labels().get("complete"))
                .containsExactly(tuple(TR, "false"), tuple(OTHER_TR, "false"));
    }

    @Test
    void threeHoursOfTwentyPercentLossAreOneLossSignalWithHourlyAggregates(@TempDir Path tmp)
            throws Exception {
        Script script = new Script();
        for (int t = 0; t < 240; t++) {
            script.oneMinute(TR, t, 0.05, Map.of());
            script.oneMinute(OTHER_TR, t, 0.20, Map.of());
        }

        Result result = run(script.readings, tmp);

        assertThat(result.signals)
                .extracting(Signal::type, Signal::subjectId, Signal::action, Signal::eventTime)
                .containsExactly(tuple("power.loss", OTHER_TR, SignalAction.RAISE, minute(240)));
        assertThat(result.signals.get(0).attributes()).containsEntry("lossShare", "20%");
        assertThat(result.aggregates)
                .extracting(
                        Aggregate::kind,
                        Aggregate::subjectId,
                        Aggregate::window,
                        Aggregate::windowStart,
                        a -> a.labels().get("complete"))
                .containsExactly(
                        tuple("power.transformer", TR, "1h", minute(0), "false"),
                        tuple("power.transformer", TR, "1h", minute(60), "true"),
                        tuple("power.transformer", TR, "1h", minute(120), "true"),
                        tuple("power.transformer", TR, "1h", minute(180), "true"),
                        tuple("power.transformer", OTHER_TR, "1h", minute(0), "false"),
                        tuple("power.transformer", OTHER_TR, "1h", minute(60), "true"),
                        tuple("power.transformer", OTHER_TR, "1h", minute(120), "true"),
                        tuple("power.transformer", OTHER_TR, "1h", minute(180), "true"));
        for (Aggregate a : result.aggregates.subList(1, 4)) {
            assertThat(a.value("lossShare")).isCloseTo(0.05, within(1e-9));
            assertThat(a.value("customersWh")).isCloseTo(60 * 105.5, within(1e-6));
        }
        for (Aggregate a : result.aggregates.subList(5, 8)) {
            assertThat(a.value("lossShare")).isCloseTo(0.20, within(1e-9));
        }
    }

    private record Result(List<Signal> signals, List<Aggregate> aggregates) {}

    private static Result run(List<Reading> script, Path tmp) throws Exception {
        Path signalsDir = Files.createDirectory(tmp.resolve("signals"));
        Path aggregatesDir = Files.createDirectory(tmp.resolve("aggregates"));
        StreamExecutionEnvironment env = FlinkCluster.environment();
        env.configure(DetectionJob.runtimeOptions()); // as the job runs: object reuse, no Kryo
        // generic types are off (pipeline.generic-types=false): a Kryo fallback fails the job
        DataStream<SensorReading> readings =
                env.fromSource(
                                ScriptedSensorReadings.source(script, PowerFixtures.city()),
                                WatermarkStrategy.<SensorReading>forBoundedOutOfOrderness(
                                                Duration.ofSeconds(30))
                                        .withTimestampAssigner((r, ts) -> r.ts()),
                                "scripted power readings",
                                TypeInformation.of(SensorReading.class))
                        .setParallelism(1);
        DetectorOutputs outputs =
                PowerDetectors.attach(readings, PowerFixtures.city(), PowerParams.DEFAULTS);
        outputs.signals().sinkTo(new JsonLinesSink<>(signalsDir, JsonCodec.SIGNAL));
        outputs.aggregates().sinkTo(new JsonLinesSink<>(aggregatesDir, JsonCodec.AGGREGATE));
        env.execute("power-detection-it");

        List<Signal> signals =
                JsonLinesSink.read(signalsDir, JsonCodec.SIGNAL).stream()
                        .flatMap(List::stream)
                        .sorted(Comparator.comparingLong(Signal::eventTime))
                        .toList();
        List<Aggregate> aggregates =
                JsonLinesSink.read(aggregatesDir, JsonCodec.AGGREGATE).stream()
                        .flatMap(List::stream)
                        .sorted(
                                Comparator.comparing(Aggregate::subjectId)
                                        .thenComparingLong(Aggregate::windowStart))
                        .toList();
        return new Result(signals, aggregates);
    }
}
