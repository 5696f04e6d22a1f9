package io.cityops.opscenter;

import io.cityops.alerting.dispatch.AlertDispatcher;
import io.cityops.alerting.dispatch.DispatcherConfig;
import io.cityops.alerting.lifecycle.AlertLifecycleConfig;
import io.cityops.alerting.lifecycle.AlertLifecycleJob;
import io.cityops.dashboards.DashboardConfig;
import io.cityops.dashboards.DashboardServer;
import io.cityops.dashboards.feed.KafkaDashboardSources;
import io.cityops.dashboards.history.InfluxdProcess;
import io.cityops.ingest.IngestBridge;
import io.cityops.ingest.IngestConfig;
import io.cityops.ingest.registry.LiveSensorRegistry;
import io.cityops.ingest.registry.RegistryFollower;
import io.cityops.ingest.registry.SensorDirectory;
import io.cityops.jobs.coverage.CoverageJob;
import io.cityops.jobs.coverage.CoverageJobConfig;
import io.cityops.jobs.detection.DetectionJob;
import io.cityops.jobs.detection.DetectionJobConfig;
import io.cityops.jobs.detection.registry.RegistryPublisher;
import io.cityops.jobs.history.HistoryJob;
import io.cityops.jobs.history.HistoryJobConfig;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.config.CommonKeys;
import io.cityops.model.config.Settings;
import io.cityops.opscenter.embedded.EmbeddedKafka;
import io.cityops.opscenter.embedded.EmbeddedMqttBroker;
import io.cityops.opscenter.embedded.MqttBrokerTuning;
import io.cityops.opscenter.flink.FlinkRuntime;
import io.cityops.opscenter.kafka.TopicProvisioner;
import io.cityops.opscenter.security.BrokerGate;
import io.cityops.opscenter.security.BrokerPolicy;
import io.cityops.opscenter.security.MqttCredentials;
import io.cityops.opscenter.security.ProvinceSecret;
import io.cityops.simulator.ProvinceSimulator;
import io.cityops.simulator.SimulatorConfig;
import io.cityops.simulator.mqtt.DevicePasswords;
import io.cityops.simulator.mqtt.PahoDeviceLinks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
 * province simulator, in dependency order, and stops them in reverse. Unless {@code
 * security.enabled=false}, the broker admits only the sensors in service in the registry, the city
 * model's field units and the platform's services, each with its own password derived from the
 * province secret. The broker and the bridge share one live view of the sensors, following the
 * {@code registry} topic ({@code ingest.registry.follow}).
 */
public final class OpsCenter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpsCenter.class);
    private static final String INFLUX_URL = "influx.url";
    private static final Path INFLUXD = Path.of("/usr/bin/influxd");

    private final OpsCenterConfig config;
    private Settings settings;
    private final CityModel city;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private FlinkRuntime flink;
    private IngestBridge bridge;
    private MqttCredentials credentials;
    private String dashboardUrl;

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
        // than a field network needs lets the demo show its first alert within a minute.
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
        if (config.security()) {
            credentials =
                    new MqttCredentials(
                            ProvinceSecret.load(
                                    settings,
                                    config.workDir()
                                            .resolve("security")
                                            .resolve("province.secret")));
        }
        // One live view of the sensors, shared by the broker's device accounts and the bridge's
        // checks: the city model until the registry is read, then whatever the registry says.
        LiveSensorRegistry live =
                settings.getBoolean(
                                IngestConfig.REGISTRY_FOLLOW, IngestConfig.REGISTRY_FOLLOW_DEFAULT)
                        ? new LiveSensorRegistry(city.sensors())
                        : null;
        SensorDirectory sensors = live != null ? live : SensorDirectory.of(city);
        try {
            Optional<BrokerGate> gate =
                    credentials().map(c -> new BrokerGate(new BrokerPolicy(city, sensors), c));
            EmbeddedMqttBroker broker =
                    new EmbeddedMqttBroker(
                            config.workDir().resolve("mqtt"),
                            config.bindAddress(),
                            config.mqttPort(),
                            1_000_000,
                            gate,
                            MqttBrokerTuning.from(settings));
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
            // The registry the detection job follows starts as the city model; an operator's later
            // changes (added, moved, retired sensors) survive restarts: only missing ids are
            // written.
            new RegistryPublisher(kafka.bootstrapServers()).publishMissing(city.sensors());
            if (live != null) {
                RegistryFollower follower =
                        new RegistryFollower(kafka.bootstrapServers(), live, "ops-center");
                started.push(follower);
                follower.start(
                        settings.getDuration(
                                IngestConfig.REGISTRY_CATCH_UP,
                                IngestConfig.REGISTRY_CATCH_UP_DEFAULT));
            }

            startHistoryStore();

            flink =
                    new FlinkRuntime(
                            config.workDir().resolve("flink"),
                            config.bindAddress(),
                            config.flinkWebPort(),
                            12);
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

            CoverageJobConfig coverage = CoverageJobConfig.from(settings);
            flink.submit(
                    "cityops-coverage",
                    config.parallelism(),
                    env -> CoverageJob.build(env, coverage));
            if (settings.find(INFLUX_URL).isPresent()) {
                HistoryJobConfig history = HistoryJobConfig.from(settings);
                flink.submit(
                        "cityops-history",
                        config.parallelism(),
                        env -> HistoryJob.build(env, history));
            }

            if (config.ingest()) {
                bridge =
                        new IngestBridge(
                                IngestConfig.from(loggedInAs(BrokerPolicy.INGEST_USER)), sensors);
                bridge.start();
                started.push(bridge);
            }

            AlertDispatcher dispatcher =
                    new AlertDispatcher(
                            DispatcherConfig.from(loggedInAs(BrokerPolicy.DISPATCHER_USER)));
            dispatcher.start();
            started.push(dispatcher);

            DashboardConfig dashboard = DashboardConfig.from(settings);
            KafkaDashboardSources feeds =
                    KafkaDashboardSources.open(dashboard, config.kafkaBootstrap());
            started.push(feeds);
            DashboardServer server = new DashboardServer(dashboard, city, feeds.sources()).start();
            started.push(server);
            dashboardUrl = "http://" + dashboard.bindAddress() + ":" + server.port() + "/";

            if (config.simulator()) {
                SimulatorConfig sim = SimulatorConfig.from(settings);
                DevicePasswords passwords =
                        credentials()
                                .<DevicePasswords>map(
                                        c -> sensor -> Optional.of(c.passwordFor(sensor.id())))
                                .orElse(DevicePasswords.shared(sim.passwordForDevices()));
                ProvinceSimulator simulator =
                        new ProvinceSimulator(
                                sim,
                                city,
                                Clock.systemUTC(),
                                new PahoDeviceLinks(sim.mqttUri(), passwords, sim.qos()));
                simulator.start();
                started.push(simulator);
            }
        } catch (Exception | Error e) {
            LOG.error("CityOps failed to start: {}", e.toString());
            close();
            throw e;
        }
        LOG.info(
                "CityOps is up in {} s: dashboard {}, MQTT {}, Kafka {}, Flink web UI {}, history {}",
                (System.nanoTime() - t0) / 1_000_000_000,
                dashboardUrl,
                config.mqttUri(),
                config.kafkaBootstrap(),
                flink.webUrl(),
                settings.find(INFLUX_URL).orElse("off (InfluxDB not installed)"));
        return this;
    }

    /**
     * History goes to the configured InfluxDB; without one, to an {@code influxd} started here when
     * Debian's {@code influxdb} package is installed; otherwise history is off (and said so).
     */
    private void startHistoryStore() throws Exception {
        if (settings.find(INFLUX_URL).isPresent()) {
            return;
        }
        if (!InfluxdProcess.installed(INFLUXD)) {
            LOG.warn(
                    "History is off: {} is not installed (apt-get install influxdb) and no {} is"
                            + " configured",
                    INFLUXD,
                    INFLUX_URL);
            return;
        }
        InfluxdProcess influxd =
                InfluxdProcess.start(
                        config.workDir().resolve("influxdb"),
                        config.influxPort(),
                        Duration.ofSeconds(60));
        started.push(influxd);
        settings = settings.with(Map.of(INFLUX_URL, influxd.url()));
        LOG.info("InfluxDB (influxd) started at {}", influxd.url());
    }

    /** The dashboard's address, once started. */
    public String dashboardUrl() {
        return dashboardUrl;
    }

    /** The settings with a service's own broker account, when the broker has accounts. */
    private Settings loggedInAs(String username) {
        return credentials()
                .map(
                        c ->
                                settings.with(
                                        Map.of(
                                                CommonKeys.MQTT_USERNAME,
                                                username,
                                                CommonKeys.MQTT_PASSWORD,
                                                c.passwordFor(username))))
                .orElse(settings);
    }

    /**
     * The broker accounts' passwords (see {@link BrokerPolicy} for the accounts); empty before
     * {@link #start()} and when security is off.
     */
    public Optional<MqttCredentials> credentials() {
        return Optional.ofNullable(credentials);
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
