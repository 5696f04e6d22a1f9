package io.cityops.bench;

import io.cityops.bench.e2e.EndToEndStage;
import io.cityops.bench.micro.MicroSuite;
import io.cityops.bench.stage.BridgeStage;
import io.cityops.bench.stage.BrokerStage;
import io.cityops.bench.stage.DetectionStage;
import io.cityops.bench.stage.InfluxSinkStage;
import io.cityops.bench.support.ResultLog;
import io.cityops.opscenter.embedded.MqttBrokerTuning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the benchmarks and writes {@code bench/results/<label>-<mode>.json} and {@code .md}. Usage
 * (normally through {@code ./bench/run}): {@code [--mode quick|full] [--label NAME] [--suites
 * micro,broker,bridge,detection,growth,influx,e2e] [--out DIR]}. Quick mode (the default) takes a
 * few minutes and stops growth at 100 k sensors; full mode measures longer, at more rates, up to 1
 * M sensors.
 */
public final class BenchMain {
    private static final List<String> ALL =
            List.of("micro", "broker", "bridge", "detection", "growth", "influx", "e2e");

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        String mode = "quick";
        String label = "latest";
        String out = "bench/results";
        List<String> suites = ALL;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mode" -> mode = args[++i];
                case "--label" -> label = args[++i];
                case "--out" -> out = args[++i];
                case "--suites" -> suites = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!Set.of("quick", "full").contains(mode)) {
            throw new IllegalArgumentException("--mode is quick or full, not " + mode);
        }
        boolean full = mode.equals("full");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("mode", mode);
        settings.put("suites", suites);
        ResultLog log = new ResultLog(Path.of(out), label + "-" + mode, settings);
        for (String suite : suites) {
            System.out.println("[bench] === " + suite + " (" + mode + ")");
            try {
                runSuite(suite, full, log);
            } catch (Exception | Error e) {
                System.err.println("[bench] suite " + suite + " failed: " + e);
                e.printStackTrace();
                log.add(
                        new ResultLog.Row(
                                suite,
                                "suite failed",
                                Map.of(),
                                Map.of("failed", true),
                                e.toString()),
                        io.cityops.bench.support.Machine.loadAverage(),
                        0);
            }
        }
        System.out.println(
                "[bench] results in " + Path.of(out).resolve(label + "-" + mode + ".md"));
        System.exit(0); // embedded servers leave non-daemon threads behind
    }

    private static List<Double> rates(String csv) {
        return java.util.Arrays.stream(csv.split(",")).map(Double::valueOf).toList();
    }

    private static void runSuite(String suite, boolean full, ResultLog log) throws Exception {
        switch (suite) {
            case "micro" -> MicroSuite.run(log, full);
            case "broker" -> {
                MqttBrokerTuning hivemq50 =
                        new MqttBrokerTuning(
                                MqttBrokerTuning.Persistence.FILE,
                                MqttBrokerTuning.HIVEMQ_DEFAULT_WINDOW);
                MqttBrokerTuning memory =
                        new MqttBrokerTuning(
                                MqttBrokerTuning.Persistence.IN_MEMORY,
                                MqttBrokerTuning.DEFAULT_WINDOW);
                BrokerStage.run(
                        log,
                        List.of(
                                new BrokerStage.Variant(
                                        "plain, clean session, auto ack, window 50",
                                        false,
                                        false,
                                        false,
                                        hivemq50),
                                new BrokerStage.Variant(
                                        "shared, persistent, manual ack, window 50 (before)",
                                        true,
                                        true,
                                        true,
                                        hivemq50),
                                new BrokerStage.Variant(
                                        "shared, persistent, manual ack, window 1024 (shipped)",
                                        true,
                                        true,
                                        true,
                                        MqttBrokerTuning.defaults()),
                                new BrokerStage.Variant(
                                        "shared, persistent, manual ack, in-memory, window 1024",
                                        true,
                                        true,
                                        true,
                                        memory)),
                        1,
                        full ? 20_000 : 10_000,
                        full ? 10 : 4);
            }
            case "bridge" ->
                    BridgeStage.run(
                            log,
                            full
                                    ? new BridgeStage.Plan(
                                            List.of(
                                                    "hivemq-50",
                                                    "hivemq",
                                                    "hivemq-memory",
                                                    "mosquitto"),
                                            List.of(1, 0),
                                            List.of(1, 2),
                                            64,
                                            List.of(
                                                    5_000.0, 10_000.0, 20_000.0, 40_000.0, 60_000.0,
                                                    80_000.0),
                                            10)
                                    : new BridgeStage.Plan(
                                            List.of(
                                                    System.getProperty(
                                                                    "bench.bridge.brokers",
                                                                    "hivemq-50,hivemq,hivemq-memory,mosquitto")
                                                            .split(",")),
                                            List.of(1, 0),
                                            List.of(
                                                    Integer.getInteger(
                                                            "bench.bridge.instances", 1)),
                                            32,
                                            List.of(5_000.0, 15_000.0, 30_000.0, 50_000.0),
                                            4));
            case "detection" ->
                    DetectionStage.run(
                            log,
                            List.of(10_000),
                            full ? 2_000_000 : 500_000,
                            List.of(
                                    new DetectionStage.Variant(
                                            "p1 without object reuse", 1, false, 100, 0),
                                    new DetectionStage.Variant(
                                            "p2 without object reuse", 2, false, 100, 0),
                                    new DetectionStage.Variant(
                                            "as shipped: p2, object reuse", 2, true, 100, 0)));
            case "growth" -> {
                List<Integer> sizes = new ArrayList<>(List.of(1_000, 10_000, 100_000));
                if (full) {
                    sizes.add(1_000_000);
                }
                String only = System.getProperty("bench.growth.sizes");
                if (only != null) {
                    sizes = java.util.Arrays.stream(only.split(",")).map(Integer::valueOf).toList();
                }
                int checkpointMs = Integer.getInteger("bench.growth.checkpoint-ms", 1_000);
                DetectionStage.run(
                        log,
                        sizes,
                        Integer.getInteger("bench.growth.readings", full ? 1_000_000 : 300_000),
                        List.of(
                                new DetectionStage.Variant(
                                        "growth p2 object reuse checkpoint " + checkpointMs + "ms",
                                        2,
                                        true,
                                        100,
                                        checkpointMs)));
            }
            case "influx" ->
                    InfluxSinkStage.run(
                            log,
                            new InfluxSinkStage.Plan(
                                    full ? 1_000_000 : 200_000,
                                    List.of(1_000, 5_000),
                                    full ? List.of(1, 2) : List.of(1)));
            case "e2e" -> {
                List<EndToEndStage.Profile> profiles =
                        new ArrayList<>(
                                List.of(
                                        new EndToEndStage.Profile("as-shipped", Map.of(), 20),
                                        new EndToEndStage.Profile(
                                                "broker-window-50",
                                                Map.of(MqttBrokerTuning.INFLIGHT_WINDOW, "50"),
                                                20),
                                        new EndToEndStage.Profile(
                                                "broker-in-memory",
                                                Map.of(MqttBrokerTuning.PERSISTENCE, "in-memory"),
                                                20),
                                        new EndToEndStage.Profile(
                                                "river-event-time",
                                                Map.of("detection.water.evaluation", "event-time"),
                                                20),
                                        new EndToEndStage.Profile(
                                                "checkpoints-100ms",
                                                Map.of("flink.checkpoint.interval", "100ms"),
                                                4),
                                        new EndToEndStage.Profile(
                                                "latency-tuned",
                                                Map.of(
                                                        "flink.checkpoint.interval", "100ms",
                                                        "detection.out-of-orderness", "0s"),
                                                4)));
                // Quick mode runs the shipped configuration and the checkpoint knob; the rest
                // (before/after variants) on request: -Dbench.e2e.profiles=a,b,...
                String only =
                        System.getProperty(
                                "bench.e2e.profiles", full ? null : "as-shipped,checkpoints-100ms");
                if (only != null) {
                    profiles.removeIf(p -> !List.of(only.split(",")).contains(p.name()));
                }
                EndToEndStage.run(
                        log,
                        full
                                ? new EndToEndStage.Plan(
                                        profiles,
                                        List.of(1, 0),
                                        200,
                                        List.of(
                                                2_000.0, 5_000.0, 10_000.0, 20_000.0, 35_000.0,
                                                50_000.0, 70_000.0),
                                        20,
                                        2_000)
                                : new EndToEndStage.Plan(
                                        profiles,
                                        List.of(1),
                                        64,
                                        rates(
                                                System.getProperty(
                                                        "bench.e2e.rates", "500,2000,8000,20000")),
                                        8,
                                        2_000));
            }
            default ->
                    throw new IllegalArgumentException(
                            "unknown suite " + suite + "; one of " + ALL);
        }
    }
}
