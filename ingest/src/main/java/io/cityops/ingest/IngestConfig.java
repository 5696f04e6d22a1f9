package io.cityops.ingest;

import io.cityops.model.config.CommonKeys;
import io.cityops.model.config.Settings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one ingest bridge needs to run: where the broker and Kafka are, the bridge's MQTT
 * identity, and the validation limits.
 *
 * @param clientId fixed MQTT client id; the broker keeps this bridge's persistent session under it,
 *     so a restarted bridge must reuse it and two running bridges must not share it
 * @param maxPayloadBytes larger messages are rejected as OVERSIZE before parsing
 * @param futureTolerance how far a reading's ts may lie ahead of the bridge's clock
 * @param sessionExpiry how long the broker keeps the session (and queues readings) while the bridge
 *     is away
 * @param registryFollow whether sensors are checked against the live {@code registry} topic (true)
 *     or only against the city model (false, for deployments without the topic)
 * @param registryCatchUp how long start-up waits for the registry to be read to its end before the
 *     bridge takes messages anyway
 */
public record IngestConfig(
        String mqttUri,
        Optional<String> mqttUsername,
        Optional<String> mqttPassword,
        String clientId,
        String kafkaBootstrap,
        int maxPayloadBytes,
        Duration futureTolerance,
        Duration sessionExpiry,
        boolean registryFollow,
        Duration registryCatchUp) {

    public static final String CLIENT_ID = "ingest.client-id";
    public static final String CLIENT_ID_DEFAULT = "cityops-ingest-1";
    public static final String MAX_PAYLOAD_BYTES = "ingest.max-payload-bytes";
    public static final int MAX_PAYLOAD_BYTES_DEFAULT = 16_384;
    public static final String FUTURE_TOLERANCE = "ingest.future-tolerance";
    public static final Duration FUTURE_TOLERANCE_DEFAULT = Duration.ofMinutes(5);
    public static final String SESSION_EXPIRY = "ingest.session-expiry";
    public static final Duration SESSION_EXPIRY_DEFAULT = Duration.ofHours(1);
    public static final String REGISTRY_FOLLOW = "ingest.registry.follow";
    public static final boolean REGISTRY_FOLLOW_DEFAULT = true;
    public static final String REGISTRY_CATCH_UP = "ingest.registry.catch-up-timeout";
    public static final Duration REGISTRY_CATCH_UP_DEFAULT = Duration.ofSeconds(30);

    /** MQTT 5 carries the session expiry interval as an unsigned 32-bit number of seconds. */
    private static final long MAX_SESSION_EXPIRY_SECONDS = 0xFFFF_FFFFL;

    public IngestConfig {
        Objects.requireNonNull(mqttUri, "mqttUri");
        Objects.requireNonNull(mqttUsername, "mqttUsername");
        Objects.requireNonNull(mqttPassword, "mqttPassword");
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException(CLIENT_ID + " must not be empty");
        }
        if (maxPayloadBytes <= 0) {
            throw new IllegalArgumentException(
                    MAX_PAYLOAD_BYTES + " must be positive, was " + maxPayloadBytes);
        }
        if (futureTolerance.isNegative()) {
            throw new IllegalArgumentException(
                    FUTURE_TOLERANCE + " must not be negative, was " + futureTolerance);
        }
        if (sessionExpiry.isNegative() || sessionExpiry.toSeconds() > MAX_SESSION_EXPIRY_SECONDS) {
            throw new IllegalArgumentException(
                    SESSION_EXPIRY
                            + " must be between 0 and "
                            + MAX_SESSION_EXPIRY_SECONDS
                            + " s, was "
                            + sessionExpiry);
        }
        if (registryCatchUp.isNegative()) {
            throw new IllegalArgumentException(
                    REGISTRY_CATCH_UP + " must not be negative, was " + registryCatchUp);
        }
    }

    /** A configuration following the registry with the default catch-up timeout. */
    public IngestConfig(
            String mqttUri,
            Optional<String> mqttUsername,
            Optional<String> mqttPassword,
            String clientId,
            String kafkaBootstrap,
            int maxPayloadBytes,
            Duration futureTolerance,
            Duration sessionExpiry) {
        this(
                mqttUri,
                mqttUsername,
                mqttPassword,
                clientId,
                kafkaBootstrap,
                maxPayloadBytes,
                futureTolerance,
                sessionExpiry,
                REGISTRY_FOLLOW_DEFAULT,
                REGISTRY_CATCH_UP_DEFAULT);
    }

    /** Reads the configuration; see the key constants here and in {@link CommonKeys}. */
    public static IngestConfig from(Settings s) {
        return new IngestConfig(
                s.get(CommonKeys.MQTT_URI, CommonKeys.MQTT_URI_DEFAULT),
                s.find(CommonKeys.MQTT_USERNAME),
                s.find(CommonKeys.MQTT_PASSWORD),
                s.get(CLIENT_ID, CLIENT_ID_DEFAULT),
                s.get(CommonKeys.KAFKA_BOOTSTRAP, CommonKeys.KAFKA_BOOTSTRAP_DEFAULT),
                s.getInt(MAX_PAYLOAD_BYTES, MAX_PAYLOAD_BYTES_DEFAULT),
                s.getDuration(FUTURE_TOLERANCE, FUTURE_TOLERANCE_DEFAULT),
                s.getDuration(SESSION_EXPIRY, SESSION_EXPIRY_DEFAULT),
                s.getBoolean(REGISTRY_FOLLOW, REGISTRY_FOLLOW_DEFAULT),
                s.getDuration(REGISTRY_CATCH_UP, REGISTRY_CATCH_UP_DEFAULT));
    }

    /** Never prints the password: configurations end up in logs. */
    @Override
    public String toString() {
        return "IngestConfig[mqttUri="
                + mqttUri
                + ", mqttUsername="
                + mqttUsername.orElse("-")
                + ", mqttPassword="
                + (mqttPassword.isPresent() ? "***" : "-")
                + ", clientId="
                + clientId
                + ", kafkaBootstrap="
                + kafkaBootstrap
                + ", maxPayloadBytes="
                + maxPayloadBytes
                + ", futureTolerance="
                + futureTolerance
                + ", sessionExpiry="
                + sessionExpiry
                + ", registryFollow="
                + registryFollow
                + ", registryCatchUp="
                + registryCatchUp
                + "]";
    }
}
