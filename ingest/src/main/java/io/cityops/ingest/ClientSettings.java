package io.cityops.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/** How the bridge's MQTT and Kafka clients are configured, and why. */
final class ClientSettings {
    /**
     * Unacknowledged QoS 1 messages the broker may have outstanding to this bridge (MQTT 5 Receive
     * Maximum). It bounds what sits in the Kafka producer's buffer (1024 × 16 KiB = 16 MiB, half
     * the default buffer.memory), and during a Kafka outage it is what makes the broker hold back
     * and queue in the persistent session instead of pushing into a bridge that cannot make
     * progress.
     */
    static final int RECEIVE_MAXIMUM = 1024;

    private ClientSettings() {}

    static MqttConnectionOptions mqtt(IngestConfig c) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        // A persistent session under a fixed client id: the broker keeps the shared subscription
        // and
        // every unacknowledged message for sessionExpiry after the bridge disappears.
        o.setCleanStart(false);
        o.setSessionExpiryInterval(c.sessionExpiry().toSeconds());
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 30);
        o.setKeepAliveInterval(30);
        o.setConnectionTimeout(10);
        o.setReceiveMaximum(RECEIVE_MAXIMUM);
        c.mqttUsername().ifPresent(o::setUserName);
        c.mqttPassword().ifPresent(p -> o.setPassword(p.getBytes(StandardCharsets.UTF_8)));
        return o;
    }

    static Map<String, Object> kafka(IngestConfig c) {
        return Map.ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, c.kafkaBootstrap()),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, c.clientId()),
                // Durable, and no duplicates from the producer's own retries.
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                // Readings are ~150-300 bytes: 5 ms of lingering fills 64 KiB batches at high rates
                // and
                // costs nothing noticeable at low ones; lz4 is cheap on CPU and compresses JSON
                // well.
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 5),
                Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024),
                Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                // send() runs on the MQTT callback thread: a missing-metadata wait must end well
                // inside
                // the MQTT keep-alive, and a failed write should reach the operator log within a
                // minute.
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000));
    }
}
