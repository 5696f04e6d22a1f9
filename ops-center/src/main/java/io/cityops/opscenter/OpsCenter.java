package io.cityops.opscenter;

import io.cityops.alerting.dispatch.AlertDispatcher;
import io.cityops.alerting.dispatch.DispatcherConfig;
import io.cityops.alerting.lifecycle.AlertLifecycleConfig;
import io.cityops.alerting.lifecycle.AlertLifecycleJob;
import io.cityops.ingest.IngestBridge;
import io.cityops.ingest.IngestConfig;
import io.cityops.jobs.detection.DetectionJob;
import io.cityops.jobs.detection.DetectionJobConfig;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.config.CommonKeys;
import io.cityops.model.config.Settings;
import io.cityops.opscenter.embedded.EmbeddedKafka;
import io.cityops.opscenter.embedded.EmbeddedMqttBroker;
import io.cityops.opscenter.flink.FlinkRuntime;
import io.cityops.opscenter.kafka.TopicProvisioner;
import io.cityops.simulator.ProvinceSimulator;
import io.cityops.simulator.SimulatorConfig;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The all-in-one runtime: starts an embedded MQTT broker and Kafka, a Flink MiniCluster running the
 * detection and alert-lifecycle jobs, the ingest bridge, the alert dispatcher and (optionally) the
 * province simulator, in dependency order, and stops them in reverse.
 */
public final class OpsCenter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpsCenter.class);

    private final OpsCenterConfig config;
    private final Settings settings;
    private final CityModel city;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private FlinkRuntime flink;
    private IngestBridge bridge;

    /**
     * @param settings the user's settings; the endpoints of the embedded servers are added to them
     *     so that every component talks to the embedded ones
     */
    public OpsCenter(Settings settings) {
        this.config = OpsCenterConfig.from(settings);
        Map<String, String> wiring = new HashMap<>();
        wiring.put(CommonKeys.KAFKA_BOOTSTRAP, config.kafkaBootstrap());
        wiring.put(CommonKeys.MQTT_URI, config.mqttUri());
        wiring.put(CommonKeys.CHECKPOINT_INTERVAL, config.checkpointInterval().toString());
        // Devices on the embedded broker are on the same machine: a tighter out-of-orderness bound
        // than
        // a field network needs lets the demo show its first alert within a minute.
        if (settings.find(DetectionJobConfig.OUT_OF_ORDERNESS).isEmpty()) {
            wiring.put(DetectionJobConfig.OUT_OF_ORDERNESS, "10s");
        }
        this.settings = settings.with(wiring);
        this.city =
                CityModelLoader.load(
                        this.settings.get(CommonKeys.CITY_MODEL, CommonKeys.CITY_MODEL_DEFAULT));
    }

    public OpsCenter start() throws Exception {
        long t0 = System.nanoTime();
        Files.createDirectories(config.workDir());
        LOG.info(
                "Starting CityOps for {} ({} districts, {} sensors, {} field units), work dir {}",
                city.province().name(),
                city.districts().size(),
                city.sensors().size(),
                city.fieldUnits().size(),
                config.workDir().toAbsolutePath());
        try {
            EmbeddedMqttBroker broker =
                    new EmbeddedMqttBroker(
                            config.workDir().resolve("mqtt"),
                            config.bindAddress(),
                            config.mqttPort(),
                            1_000_000);
            broker.start();
            started.push(broker);

            EmbeddedKafka kafka =
                    new EmbeddedKafka(
                            config.workDir().resolve("kafka"),
                            config.bindAddress(),
                            config.kafkaPort(),
                            config.kafkaControllerPort());
            kafka.start();
            started.push(kafka);
            new TopicProvisioner(kafka.bootstrapServers(), config.parallelism(), (short) 1)
                    .ensureTopics();

            flink =
                    new FlinkRuntime(
                            config.workDir().resolve("flink"),
                            config.bindAddress(),
                            config.flinkWebPort(),
                            8);
            flink.start();
            started.push(flink);
            DetectionJobConfig detection = DetectionJobConfig.from(settings);
            flink.submit(
                    "cityops-detection",
                    config.parallelism(),
                    env -> DetectionJob.build(env, detection));
            AlertLifecycleConfig lifecycle = AlertLifecycleConfig.from(settings);
            flink.submit(
                    "cityops-alert-lifecycle",
                    config.parallelism(),
                    env -> AlertLifecycleJob.build(env, lifecycle));

            if (config.ingest()) {
                bridge = new IngestBridge(IngestConfig.from(settings), city);
                bridge.start();
                started.push(bridge);
            }

            AlertDispatcher dispatcher = new AlertDispatcher(DispatcherConfig.from(settings));
            dispatcher.start();
            started.push(dispatcher);

            if (config.simulator()) {
                ProvinceSimulator simulator =
                        new ProvinceSimulator(SimulatorConfig.from(settings), city);
                simulator.start();
                started.push(simulator);
            }
        } catch (Exception | Error e) {
            LOG.error("CityOps failed to start: {}", e.toString());
            close();
            throw e;
        }
        LOG.info(
                "CityOps is up in {} s: MQTT {}, Kafka {}, Flink web UI {}",
                (System.nanoTime() - t0) / 1_000_000_000,
                config.mqttUri(),
                config.kafkaBootstrap(),
                flink.webUrl());
        return this;
    }

    public OpsCenterConfig config() {
        return config;
    }

    /** The settings every component was started with, embedded endpoints included. */
    public Settings settings() {
        return settings;
    }

    public CityModel city() {
        return city;
    }

    /** The ingest bridge running in this JVM, if any. */
    public Optional<IngestBridge> bridge() {
        return Optional.ofNullable(bridge);
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable c = started.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
