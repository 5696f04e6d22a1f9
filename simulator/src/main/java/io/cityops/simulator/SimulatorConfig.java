package io.cityops.simulator;

import io.cityops.model.config.CommonKeys;
import io.cityops.model.config.Settings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the province simulator runs: where its devices connect, with what credentials, how fast they
 * report and when the scripted incidents happen.
 *
 * @param passwordForDevices when present, each device connects as user = its sensor id with this
 *     password
 * @param seed seeds every value model and the incident rotation: the same seed gives the same story
 * @param rate reading-rate multiplier; 1.0 = each sensor at its heartbeat, 10 = ten times as often
 * @param qos MQTT QoS of the readings (0 or 1; 2 is allowed but no device needs it)
 */
public record SimulatorConfig(
        String mqttUri,
        Optional<String> passwordForDevices,
        long seed,
        double rate,
        Duration firstIncidentAfter,
        Duration incidentEvery,
        int qos) {

    public static final String SEED = "simulator.seed";
    public static final String RATE = "simulator.rate";
    public static final String FIRST_INCIDENT_AFTER = "simulator.first-incident-after";
    public static final String INCIDENT_EVERY = "simulator.incident-every";
    public static final String QOS = "simulator.qos";

    /** The shared device password until issue 5 gives each device its own. */
    public static final String DEVICE_PASSWORD = "simulator.device-password";

    public SimulatorConfig {
        Objects.requireNonNull(mqttUri, "mqttUri");
        Objects.requireNonNull(passwordForDevices, "passwordForDevices");
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(
                    "simulator.rate must be a positive number, not " + rate);
        }
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("simulator.qos must be 0, 1 or 2, not " + qos);
        }
        if (firstIncidentAfter.isNegative()
                || incidentEvery.isNegative()
                || incidentEvery.isZero()) {
            throw new IllegalArgumentException(
                    "incident times must be positive: first after "
                            + firstIncidentAfter
                            + ", every "
                            + incidentEvery);
        }
    }

    public static SimulatorConfig from(Settings s) {
        return new SimulatorConfig(
                s.get(CommonKeys.MQTT_URI, CommonKeys.MQTT_URI_DEFAULT),
                s.find(DEVICE_PASSWORD),
                s.getLong(SEED, 20251123L),
                s.getDouble(RATE, 1.0),
                s.getDuration(FIRST_INCIDENT_AFTER, Duration.ofSeconds(10)),
                s.getDuration(INCIDENT_EVERY, Duration.ofMinutes(3)),
                s.getInt(QOS, 1));
    }
}
