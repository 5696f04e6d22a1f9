package io.cityops.bench.stage;

import io.cityops.bench.support.CountWatch;
import io.cityops.bench.support.Infra;
import io.cityops.bench.support.LoadGenerator;
import io.cityops.bench.support.Payloads;
import io.cityops.bench.support.ResultLog;
import io.cityops.ingest.IngestBridge;
import io.cityops.ingest.IngestConfig;
import io.cityops.ingest.IngestMetrics;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.Sensor;
import io.cityops.opscenter.embedded.MqttBrokerTuning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ingest bridge alone: devices publish to the all-in-one's embedded HiveMQ (open, no accounts),
 * one or more {@link IngestBridge}s take the shared subscription and write to the embedded Kafka.
 * At rising offered rates, per QoS: what the broker accepted, what reached Kafka, and the sustained
 * rate into Kafka (records ÷ time from the first publish to the last record). Stops rising once
 * Kafka falls clearly behind the offered rate (saturation).
 */
public final class BridgeStage {
    private BridgeStage() {}

    /**
     * @param brokers {@code hivemq} (the all-in-one's embedded HiveMQ CE as shipped: file-based
     *     queues, in-flight window 1024), {@code hivemq-50} (HiveMQ's own window of 50, as shipped
     *     before), {@code hivemq-memory} (in-memory queues, window 1024) and/or {@code mosquitto}
     *     (Debian's, as a deployment would run it)
     */
    public record Plan(
            List<String> brokers,
            List<Integer> qosLevels,
            List<Integer> bridges,
            int connections,
            List<Double> rates,
            double secondsPerRate) {}

    /** The embedded broker's tuning a broker name of {@link Plan#brokers()} stands for. */
    static MqttBrokerTuning hivemqTuning(String brokerName) {
        return switch (brokerName) {
            case "hivemq" -> MqttBrokerTuning.defaults();
            case "hivemq-50" ->
                    new MqttBrokerTuning(
                            MqttBrokerTuning.Persistence.FILE,
                            MqttBrokerTuning.HIVEMQ_DEFAULT_WINDOW);
            case "hivemq-memory" ->
                    new MqttBrokerTuning(
                            MqttBrokerTuning.Persistence.IN_MEMORY,
                            MqttBrokerTuning.DEFAULT_WINDOW);
            default -> throw new IllegalArgumentException("unknown broker " + brokerName);
        };
    }

    public static void run(ResultLog log, Plan plan) throws Exception {
        CityModel city = CityModelLoader.sample();
        Payloads payloads = new Payloads(city);
        List<Sensor> sensors =
                new ArrayList<>(city.sensors())
                        .subList(0, Math.min(plan.connections(), city.sensors().size()));
        for (String brokerName : plan.brokers())
            for (int bridges : plan.bridges()) {
                for (int qos : plan.qosLevels()) {
                    if (brokerName.equals("mosquitto")
                            && !java.nio.file.Files.isExecutable(
                                    java.nio.file.Path.of("/usr/sbin/mosquitto"))) {
                        continue;
                    }
                    try (Infra infra =
                            brokerName.equals("mosquitto")
                                    ? Infra.kafkaAndMosquitto(2)
                                    : Infra.kafkaAndBroker(2, hivemqTuning(brokerName))) {
                        List<IngestBridge> running = new ArrayList<>();
                        try {
                            for (int b = 1; b <= bridges; b++) {
                                IngestBridge bridge =
                                        new IngestBridge(
                                                new IngestConfig(
                                                        infra.mqttUri(),
                                                        Optional.empty(),
                                                        Optional.empty(),
                                                        "bench-ingest-" + b,
                                                        infra.bootstrap(),
                                                        IngestConfig.MAX_PAYLOAD_BYTES_DEFAULT,
                                                        IngestConfig.FUTURE_TOLERANCE_DEFAULT,
                                                        Duration.ofMinutes(10)),
                                                city);
                                bridge.start();
                                running.add(bridge);
                            }
                            try (LoadGenerator load =
                                    new LoadGenerator(
                                            infra.mqttUri(), sensors, payloads, qos, null)) {
                                load.run(2_000, 2); // warm-up: connections, JIT, Kafka metadata
                                CountWatch.await(infra::readingsInKafka, 4_000, 3_000, 15_000, 50);
                                for (double rate : plan.rates()) {
                                    Map<String, Object> metrics =
                                            measure(
                                                    infra,
                                                    running,
                                                    load,
                                                    rate,
                                                    plan.secondsPerRate());
                                    Map<String, Object> params = new LinkedHashMap<>();
                                    params.put("broker", brokerName);
                                    params.put("qos", qos);
                                    params.put("bridges", bridges);
                                    params.put("connections", load.connections());
                                    params.put("offeredPerSec", rate);
                                    params.put("seconds", plan.secondsPerRate());
                                    log.add(
                                            new ResultLog.Row(
                                                    "stage-bridge",
                                                    brokerName + " qos" + qos + " x" + bridges,
                                                    params,
                                                    metrics,
                                                    null),
                                            (double[]) metrics.remove("_loadBefore"),
                                            (double) metrics.remove("_seconds"));
                                    double kafkaRate = (double) metrics.get("kafkaPerSec");
                                    if (kafkaRate < 0.8 * rate) {
                                        break; // saturated: higher rates only queue up in the
                                        // broker
                                    }
                                }
                            }
                        } finally {
                            for (IngestBridge b : running) {
                                b.close();
                            }
                        }
                    }
                }
            }
    }

    private static Map<String, Object> measure(
            Infra infra,
            List<IngestBridge> bridges,
            LoadGenerator load,
            double rate,
            double seconds) {
        double[] loadBefore = io.cityops.bench.support.Machine.loadAverage();
        long t0 = System.nanoTime();
        long before = infra.readingsInKafka();
        long rejectedBefore = rejected(bridges);
        LoadGenerator.Run run = load.run(rate, seconds);
        CountWatch.Outcome out =
                CountWatch.await(
                        infra::readingsInKafka,
                        before + run.accepted(),
                        5_000,
                        (long) (seconds * 1000) + 60_000,
                        50);
        long inKafka = out.count() - before;
        double kafkaSeconds =
                Math.max(0.001, (out.lastIncreaseMillis() - run.startMillis()) / 1000.0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("published", run.published());
        m.put("brokerAccepted", run.accepted());
        m.put("publishFailed", run.failed());
        m.put("clientWindowFull", run.windowFull());
        m.put("publishPerSec", ResultLog.round(run.acceptedPerSec()));
        m.put("inKafka", inKafka);
        m.put("kafkaPerSec", ResultLog.round(inKafka / kafkaSeconds));
        m.put("countInEqualsOut", inKafka == run.accepted());
        m.put("rejectedByBridge", rejected(bridges) - rejectedBefore);
        m.put("_loadBefore", loadBefore);
        m.put("_seconds", (System.nanoTime() - t0) / 1e9);
        return m;
    }

    private static long rejected(List<IngestBridge> bridges) {
        long n = 0;
        for (IngestBridge b : bridges) {
            IngestMetrics m = b.metrics();
            n += m.rejectedTotal();
        }
        return n;
    }
}
