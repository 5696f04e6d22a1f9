package io.cityops.simulator.replay;

import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.Sensor;
import io.cityops.model.config.CommonKeys;
import io.cityops.model.config.Settings;
import io.cityops.simulator.SimulatorConfig;
import io.cityops.simulator.mqtt.DevicePasswords;
import io.cityops.simulator.mqtt.PahoDeviceLinks;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a recorded CSV file as one sensor's readings, then exits: {@code SimulatorMain replay
 * --config simulator/src/main/resources/cityops/replay/gloria-agly-namgiang.properties
 * --mqtt.uri=tcp://127.0.0.1:11883 --replay.password="$(./cityops password wl-109-namgiang)"}. With
 * {@code --replay.dry-run=true} it only reads the file and prints what it found. Exits 1 when it
 * cannot read the file or connect, 2 when readings were lost.
 */
public final class ReplayMain {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayMain.class);
    public static final String PASSWORD = "replay.password";
    public static final String DRY_RUN = "replay.dry-run";

    private ReplayMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a replay from command-line arguments; returns the exit status. */
    public static int run(String[] args) {
        try {
            Settings settings = Settings.fromArgs(args);
            ReplayConfig config = ReplayConfig.from(settings);
            CityModel city =
                    CityModelLoader.load(
                            settings.get(CommonKeys.CITY_MODEL, CommonKeys.CITY_MODEL_DEFAULT));
            Sensor sensor =
                    city.sensor(config.sensorId())
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "replay.sensor "
                                                            + config.sensorId()
                                                            + " is not in the city model"));
            Recording recording = new RecordingReader(config).read();
            LOG.info("Read {}: {}", config.file(), recording.report().summary());
            recording.report().gaps().forEach(g -> LOG.info("Gap in the recording: {}", g));
            if (settings.getBoolean(DRY_RUN, false)) {
                return 0;
            }
            String uri = settings.get(CommonKeys.MQTT_URI, CommonKeys.MQTT_URI_DEFAULT);
            DevicePasswords passwords =
                    DevicePasswords.shared(
                            settings.find(PASSWORD)
                                    .or(() -> settings.find(SimulatorConfig.DEVICE_PASSWORD)));
            try (PahoDeviceLinks links =
                    new PahoDeviceLinks(uri, passwords, settings.getInt(SimulatorConfig.QOS, 1))) {
                ReplayResult result =
                        new Replayer(config, sensor, links, Clock.systemUTC()).run(recording);
                return result.dropped() == 0 ? 0 : 2;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            LOG.error("Replay failed: {}", e.getMessage());
            return 1;
        }
    }
}
