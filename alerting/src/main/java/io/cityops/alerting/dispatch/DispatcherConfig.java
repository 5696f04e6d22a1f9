package io.cityops.alerting.dispatch;

import io.cityops.model.config.CommonKeys;
import io.cityops.model.config.Settings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of the alert dispatcher.
 *
 * @param groupId Kafka consumer group; dispatchers of one group share the alerts partitions
 * @param clientId MQTT client id; stable across restarts so the broker keeps the session
 * @param activeExpiry MQTT message expiry of an active alert's versions: a unit offline longer gets
 *     the alert's later versions instead
 * @param clearedExpiry message expiry of versions of an alert that has ended, which stop mattering
 *     soon
 */
public record DispatcherConfig(
        String kafkaBootstrap,
        String groupId,
        String mqttUri,
        Optional<String> mqttUsername,
        Optional<String> mqttPassword,
        String clientId,
        Duration activeExpiry,
        Duration clearedExpiry) {

    public static final String GROUP_ID = "dispatcher.group-id";
    public static final String CLIENT_ID = "dispatcher.client-id";
    public static final String ACTIVE_EXPIRY = "dispatcher.active-alert-expiry";
    public static final String CLEARED_EXPIRY = "dispatcher.cleared-alert-expiry";
    public static final Duration ACTIVE_EXPIRY_DEFAULT = Duration.ofDays(1);
    public static final Duration CLEARED_EXPIRY_DEFAULT = Duration.ofHours(1);

    /** With the default message expiries. */
    public DispatcherConfig(
            String kafkaBootstrap,
            String groupId,
            String mqttUri,
            Optional<String> mqttUsername,
            Optional<String> mqttPassword,
            String clientId) {
        this(
                kafkaBootstrap,
                groupId,
                mqttUri,
                mqttUsername,
                mqttPassword,
                clientId,
                ACTIVE_EXPIRY_DEFAULT,
                CLEARED_EXPIRY_DEFAULT);
    }

    public DispatcherConfig {
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(mqttUri, "mqttUri");
        Objects.requireNonNull(mqttUsername, "mqttUsername");
        Objects.requireNonNull(mqttPassword, "mqttPassword");
        Objects.requireNonNull(clientId, "clientId");
        requirePositive(activeExpiry, "activeExpiry");
        requirePositive(clearedExpiry, "clearedExpiry");
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero() || d.toSeconds() < 1) {
            throw new IllegalArgumentException(what + " must be at least a second: " + d);
        }
    }

    public static DispatcherConfig from(Settings s) {
        return new DispatcherConfig(
                s.get(CommonKeys.KAFKA_BOOTSTRAP, CommonKeys.KAFKA_BOOTSTRAP_DEFAULT),
                s.get(GROUP_ID, "cityops-dispatcher"),
                s.get(CommonKeys.MQTT_URI, CommonKeys.MQTT_URI_DEFAULT),
                s.find(CommonKeys.MQTT_USERNAME),
                s.find(CommonKeys.MQTT_PASSWORD),
                s.get(CLIENT_ID, "cityops-dispatcher-1"),
                s.getDuration(ACTIVE_EXPIRY, ACTIVE_EXPIRY_DEFAULT),
                s.getDuration(CLEARED_EXPIRY, CLEARED_EXPIRY_DEFAULT));
    }

    /** Never prints the password: configurations end up in logs. */
    @Override
    public String toString() {
        return "DispatcherConfig[kafkaBootstrap="
                + kafkaBootstrap
                + ", groupId="
                + groupId
                + ", mqttUri="
                + mqttUri
                + ", mqttUsername="
                + mqttUsername.orElse("(none)")
                + ", mqttPassword="
                + (mqttPassword.isPresent() ? "****" : "(none)")
                + ", clientId="
                + clientId
                + ", activeExpiry="
                + activeExpiry
                + ", clearedExpiry="
                + clearedExpiry
                + "]";
    }
}
