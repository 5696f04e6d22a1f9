package io.cityops.model.config;

/**
 * Configuration keys shared by several processes, with the all-in-one's defaults. Every endpoint
 * comes from configuration; these defaults are loopback ports chosen to avoid the well-known ones
 * (1883, 9092, 8086) that other programs on a machine may hold.
 */
public final class CommonKeys {
    private CommonKeys() {}

    public static final String KAFKA_BOOTSTRAP = "kafka.bootstrap";
    public static final String KAFKA_BOOTSTRAP_DEFAULT = "127.0.0.1:19092";

    public static final String MQTT_URI = "mqtt.uri";
    public static final String MQTT_URI_DEFAULT = "tcp://127.0.0.1:11883";
    public static final String MQTT_USERNAME = "mqtt.username";
    public static final String MQTT_PASSWORD = "mqtt.password";

    /** A file path, or {@code classpath:...}; the sample province by default. */
    public static final String CITY_MODEL = "city.model";

    public static final String CITY_MODEL_DEFAULT =
            "classpath:cityops/provinces/laichau/province.json";

    public static final String CHECKPOINT_INTERVAL = "flink.checkpoint.interval";
}
