package io.cityops.model;

import java.util.Optional;

/** The names of every Kafka topic and MQTT topic the platform uses (ARCHITECTURE.md, Contracts). */
public final class Topics {
    private Topics() {}

    // Kafka
    public static final String READINGS_PREFIX = "readings.";
    public static final String READINGS_REJECTED = "readings.rejected";
    public static final String READINGS_LATE = "readings.late";
    public static final String REGISTRY = "registry";
    public static final String SIGNALS = "signals";
    public static final String ALERT_COMMANDS = "alert-commands";
    public static final String ALERTS = "alerts";
    public static final String KPIS = "kpis";
    public static final String AGGREGATES = "aggregates";

    /** Kafka topic of a domain's validated readings, keyed by sensor id. */
    public static String readings(Domain domain) {
        return READINGS_PREFIX + domain.topicName();
    }

    // MQTT
    public static final String SENSOR_TOPIC_ROOT = "sensors";

    /** The shared subscription the ingest bridges use to split the sensor load between them. */
    public static final String INGEST_SHARED_SUBSCRIPTION = "$share/ingest/sensors/#";

    /** The only topic a sensor may publish to. */
    public static String sensor(Domain domain, String sensorId) {
        return SENSOR_TOPIC_ROOT + "/" + domain.topicName() + "/" + sensorId;
    }

    public static String unitAlerts(String unitId) {
        return "units/" + unitId + "/alerts";
    }

    public static String unitAcks(String unitId) {
        return "units/" + unitId + "/acks";
    }

    /** Domain and sensor id named by an MQTT sensor topic, if it has the form sensors/domain/id. */
    public static Optional<SensorTopic> parseSensorTopic(String topic) {
        String[] parts = topic.split("/", -1);
        if (parts.length != 3 || !parts[0].equals(SENSOR_TOPIC_ROOT) || parts[2].isEmpty()) {
            return Optional.empty();
        }
        return Domain.fromTopicName(parts[1]).map(d -> new SensorTopic(d, parts[2]));
    }

    /** The parts of a sensor topic. */
    public record SensorTopic(Domain domain, String sensorId) {}
}
