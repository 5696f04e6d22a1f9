package io.cityops.alerting.dispatch;

import io.cityops.model.config.CommonKeys;
import io.cityops.model.config.Settings;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of the alert dispatcher.
 *
 * @param groupId Kafka consumer group; dispatchers of one group share the alerts partitions
 * @param clientId MQTT client id; stable across restarts so the broker keeps the session
 */
public record DispatcherConfig(
        String kafkaBootstrap,
        String groupId,
        String mqttUri,
        Optional<String> mqttUsername,
        Optional<String> mqttPassword,
        String clientId) {

    public static final String GROUP_ID = "dispatcher.group-id";
    public static final String CLIENT_ID = "dispatcher.client-id";

    public DispatcherConfig {
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(mqttUri, "mqttUri");
        Objects.requireNonNull(mqttUsername, "mqttUsername");
        Objects.requireNonNull(mqttPassword, "mqttPassword");
        Objects.requireNonNull(clientId, "clientId");
    }

    public static DispatcherConfig from(Settings s) {
        return new DispatcherConfig(
                s.get(CommonKeys.KAFKA_BOOTSTRAP, CommonKeys.KAFKA_BOOTSTRAP_DEFAULT),
                s.get(GROUP_ID, "cityops-dispatcher"),
                s.get(CommonKeys.MQTT_URI, CommonKeys.MQTT_URI_DEFAULT),
                s.find(CommonKeys.MQTT_USERNAME),
                s.find(CommonKeys.MQTT_PASSWORD),
                s.get(CLIENT_ID, "cityops-dispatcher-1"));
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
                + "]";
    }
}
