package io.cityops.bench.e2e;

import io.cityops.bench.support.CountWatch;
import io.cityops.bench.support.Infra;
import io.cityops.bench.support.LoadGenerator;
import io.cityops.bench.support.Machine;
import io.cityops.bench.support.Payloads;
import io.cityops.bench.support.ResultLog;
import io.cityops.jobs.detection.DetectionJobConfig;
import io.cityops.jobs.detection.kafka.DetectionConnectors;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import io.cityops.model.config.Settings;
import io.cityops.opscenter.OpsCenter;
import io.cityops.opscenter.security.MqttCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * End to end against the real all-in-one ({@link OpsCenter}: embedded HiveMQ with accounts, Kafka,
 * the Flink jobs on a MiniCluster, bridge, dispatcher, dashboards, history when influxd is there),
 * simulator off. Devices (one Paho connection per sensor, logged in with the sensor's own account)
 * publish at rising rates; the {@link AlertProbe} injects floods at known times and times the alert
 * on the field unit's topic. Per step: readings/s into Kafka, readings/s through detection
 * (committed offsets of the detection job's group catching up with its input topics), count in =
 * count out, and p50/p99/p99.9 device→alert.
 */
public final class EndToEndStage {
    private EndToEndStage() {}

    /**
     * @param settings extra settings of the stack (e.g. checkpoint interval, out-of-orderness)
     */
    /**
     * @param settleSeconds how long to wait after a step for its last alerts: more than the
     *     out-of-orderness plus two checkpoint intervals
     */
    public record Profile(String name, Map<String, String> settings, int settleSeconds) {}

    public record Plan(
            List<Profile> profiles,
            List<Integer> qosLevels,
            int connections,
            List<Double> rates,
            double secondsPerRate,
            long injectEveryMs) {}

    public static void run(ResultLog log, Plan plan) throws Exception {
        for (Profile profile : plan.profiles()) {
            for (int qos : plan.qosLevels()) {
                runProfile(log, plan, profile, qos);
            }
        }
    }

    private static void runProfile(ResultLog log, Plan plan, Profile profile, int qos)
            throws Exception {
        Path work = Files.createTempDirectory("cityops-bench-e2e-");
        Map<String, String> s = new HashMap<>();
        s.put("opscenter.work-dir", work.toString());
        s.put("opscenter.mqtt-port", String.valueOf(Infra.freePort()));
        s.put("opscenter.kafka-port", String.valueOf(Infra.freePort()));
        s.put("opscenter.kafka-controller-port", String.valueOf(Infra.freePort()));
        s.put("opscenter.flink-web-port", String.valueOf(Infra.freePort()));
        s.put("opscenter.influx-port", String.valueOf(Infra.freePort()));
        s.put("dashboards.port", String.valueOf(Infra.freePort()));
        s.put("dashboards.tokens", "bench-operator-token-000001=operator");
        s.put("opscenter.simulator", "false");
        // The probe's stations must clear between injections (DOMAIN.md's 10 min hold-off would
        // allow one alert per station per run).
        s.put("detection.water.clear-hold-off", "1s");
        s.put("detection.idleness", "5s");
        s.putAll(profile.settings());
        OpsCenter stack = new OpsCenter(Settings.of(s)).start();
        try (Admin admin =
                        Admin.create(
                                Map.of(
                                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                        stack.config().kafkaBootstrap()));
                AlertProbe probe =
                        new AlertProbe(stack.config().mqttUri(), stack.city(), password(stack));
                LoadGenerator load =
                        new LoadGenerator(
                                stack.config().mqttUri(),
                                devices(stack, plan.connections()),
                                new Payloads(stack.city()),
                                qos,
                                password(stack))) {
            List<String> all = Infra.readingTopics();
            List<String> detectionInputs = Infra.readingTopics(DetectionConnectors.INPUT_DOMAINS);
            String group =
                    stack.settings()
                            .get(DetectionJobConfig.GROUP_ID, DetectionJobConfig.DEFAULT_GROUP_ID);
            // Warm-up: JIT, Kafka metadata, first checkpoints; the first alerts.
            probe.start(plan.injectEveryMs());
            long warm0 = Infra.endOffsets(admin, all);
            long probeWarm0 = probe.published();
            LoadGenerator.Run warm = load.run(1_000, 5);
            // Drain the warm-up completely (bounded), so no backlog spills into the first step.
            CountWatch.await(
                    () -> Infra.endOffsets(admin, all) - warm0,
                    warm.accepted() + probe.published() - probeWarm0,
                    5_000,
                    120_000,
                    100);
            CountWatch.await(
                    () -> Infra.committed(admin, group, detectionInputs),
                    Infra.endOffsets(admin, detectionInputs),
                    10_000,
                    60_000,
                    200);
            Thread.sleep(profile.settleSeconds() * 1000L);
            AlertProbe.Snapshot warmAlerts = probe.snapshot();
            System.out.println(
                    "[bench] warm-up: "
                            + warmAlerts.matched()
                            + " of "
                            + warmAlerts.injected()
                            + " injected floods alerted; signals in Kafka "
                            + Infra.endOffsets(admin, List.of(io.cityops.model.Topics.SIGNALS))
                            + ", alert versions "
                            + Infra.endOffsets(admin, List.of(io.cityops.model.Topics.ALERTS)));
            for (double rate : plan.rates()) {
                double[] loadBefore = Machine.loadAverage();
                long t0 = System.nanoTime();
                long kafkaBefore = Infra.endOffsets(admin, all);
                long detBefore = Infra.endOffsets(admin, detectionInputs);
                long probe0 = probe.published();
                long signals0 = Infra.endOffsets(admin, List.of(io.cityops.model.Topics.SIGNALS));
                long alerts0 = Infra.endOffsets(admin, List.of(io.cityops.model.Topics.ALERTS));
                LoadGenerator.Run run = load.run(rate, plan.secondsPerRate());
                // Everything accepted must reach Kafka: the devices' readings plus the probe's
                // (which keeps publishing, so its share is known within what is in flight).
                long probeAtEnd = probe.published() - probe0;
                CountWatch.Outcome kafka =
                        CountWatch.await(
                                () -> Infra.endOffsets(admin, all) - kafkaBefore,
                                run.accepted() + probeAtEnd,
                                5_000,
                                60_000,
                                50);
                long probeAfterWatch = probe.published() - probe0;
                long detTarget = Infra.endOffsets(admin, detectionInputs);
                CountWatch.Outcome det =
                        CountWatch.await(
                                () -> Infra.committed(admin, group, detectionInputs),
                                detTarget,
                                15_000,
                                120_000,
                                100);
                Thread.sleep(profile.settleSeconds() * 1000L); // the last injections' alerts
                AlertProbe.Snapshot lat = probe.snapshot();
                long inKafka = kafka.count();
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("profile", profile.name());
                params.put("qos", qos);
                params.put("connections", load.connections());
                params.put("offeredPerSec", rate);
                params.put("seconds", plan.secondsPerRate());
                params.putAll(profile.settings());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("brokerAccepted", run.accepted());
                m.put("publishPerSec", ResultLog.round(run.acceptedPerSec()));
                m.put("inKafka", inKafka);
                m.put("probeReadings", probeAtEnd);
                // Equal within the probe's readings still in flight when counting stopped.
                m.put(
                        "countInEqualsOut",
                        run.failed() == 0
                                && inKafka >= run.accepted() + probeAtEnd
                                && inKafka <= run.accepted() + probeAfterWatch);
                m.put(
                        "kafkaPerSec",
                        ResultLog.round(
                                inKafka
                                        / Math.max(
                                                0.001,
                                                (kafka.lastIncreaseMillis() - run.startMillis())
                                                        / 1000.0)));
                long detRecords = detTarget - detBefore;
                m.put("detectionInputRecords", detRecords);
                m.put("detectionCaughtUp", det.reachedTarget());
                m.put(
                        "detectionPerSec",
                        ResultLog.round(
                                detRecords
                                        / Math.max(
                                                0.001,
                                                (det.lastIncreaseMillis() - run.startMillis())
                                                        / 1000.0)));
                Histogram h = lat.latencyNanos();
                m.put(
                        "signalsInKafka",
                        Infra.endOffsets(admin, List.of(io.cityops.model.Topics.SIGNALS))
                                - signals0);
                m.put(
                        "alertVersionsInKafka",
                        Infra.endOffsets(admin, List.of(io.cityops.model.Topics.ALERTS)) - alerts0);
                m.put("alerts", lat.matched());
                m.put("injected", lat.injected());
                m.put("p50ms", ms(h, 50));
                m.put("p99ms", ms(h, 99));
                m.put("p999ms", ms(h, 99.9));
                m.put(
                        "maxMs",
                        h.getTotalCount() == 0 ? -1 : ResultLog.round(h.getMaxValue() / 1e6));
                boolean ok =
                        h.getTotalCount() > 0
                                && ms(h, 99) < 250
                                && (boolean) m.get("countInEqualsOut");
                m.put("meetsTarget", ok);
                log.add(
                        new ResultLog.Row(
                                "e2e",
                                profile.name() + " qos" + qos + " " + Math.round(rate) + "/s",
                                params,
                                m,
                                null),
                        loadBefore,
                        (System.nanoTime() - t0) / 1e9);
                if (run.acceptedPerSec() < 0.8 * rate
                        || (double) m.get("kafkaPerSec") < 0.8 * rate
                        || !det.reachedTarget()) {
                    break; // saturated
                }
            }
        } finally {
            stack.close();
            Infra.deleteTree(work);
        }
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0
                ? -1
                : ResultLog.round(h.getValueAtPercentile(percentile) / 1e6);
    }

    private static Function<String, String> password(OpsCenter stack) {
        MqttCredentials c = stack.credentials().orElseThrow();
        return c::passwordFor;
    }

    private static List<Sensor> devices(OpsCenter stack, int connections) {
        List<Sensor> out = new ArrayList<>();
        for (Sensor s : stack.city().sensors()) {
            if (s.kind() != SensorKind.RIVER_GAUGE && out.size() < connections) {
                out.add(s);
            }
        }
        return out;
    }
}
