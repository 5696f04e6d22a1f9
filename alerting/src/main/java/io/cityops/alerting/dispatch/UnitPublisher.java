package io.cityops.alerting.dispatch;

import io.cityops.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's MQTT side: one Paho client with a persistent session and automatic reconnect,
 * publishing alert versions to {@code units/<unitId>/alerts} at QoS 1. Paho keeps unacknowledged
 * messages in memory and resends them after a reconnect; a message lost with the process is resent
 * from Kafka, because offsets are committed only after the broker's PUBACK.
 */
final class UnitPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UnitPublisher.class);
    private static final int QOS_AT_LEAST_ONCE = 1;
    // Long enough for the broker to keep the session (and, with issue 5, queued acks) over an
    // outage.
    private static final long SESSION_EXPIRY_SECONDS = Duration.ofDays(1).toSeconds();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final long CLOSE_QUIESCE_MS = 2_000;
    // PUBACK reason codes from 0x80 are failures (MQTT 5.0, 3.4.2.1), e.g. 0x87 not authorised.
    private static final int FIRST_FAILURE_REASON = 0x80;
    private static final long SLOT_POLL_MS = 20;

    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;

    UnitPublisher(DispatcherConfig config) throws MqttException {
        client = new MqttAsyncClient(config.mqttUri(), config.clientId(), new MemoryPersistence());
        client.setCallback(new MqttEvents(config.clientId()));
        options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 30);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        config.mqttUsername().ifPresent(options::setUserName);
        config.mqttPassword()
                .ifPresent(p -> options.setPassword(p.getBytes(StandardCharsets.UTF_8)));
    }

    /** Connects once; later losses are healed by Paho's automatic reconnect. */
    void connect() throws MqttException {
        client.connect(options).waitForCompletion(CONNECT_TIMEOUT.toMillis());
    }

    /**
     * Publishes every delivery to each of its units and returns once the broker acknowledged all of
     * them; throws if any publish failed or was not acknowledged within {@code ackTimeout}. When
     * the broker's receive maximum is reached, waits for the oldest acknowledgement first.
     */
    void publishAll(List<Delivery> deliveries, Duration ackTimeout) throws MqttException {
        Deque<IMqttToken> pending = new ArrayDeque<>();
        for (Delivery d : deliveries) {
            for (String unitId : d.units()) {
                long giveUpAt = System.nanoTime() + ackTimeout.toNanos();
                while (true) {
                    try {
                        pending.add(
                                client.publish(Topics.unitAlerts(unitId), message(d.payload())));
                        break;
                    } catch (MqttException e) {
                        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                            throw e;
                        }
                        if (!pending.isEmpty()) {
                            awaitAck(pending.poll(), ackTimeout);
                        } else {
                            // Slots held by an earlier attempt's messages, or released just after
                            // their ack.
                            pauseForSlot(giveUpAt, e);
                        }
                    }
                }
            }
        }
        while (!pending.isEmpty()) {
            awaitAck(pending.poll(), ackTimeout);
        }
    }

    private static void pauseForSlot(long giveUpAt, MqttException cause) throws MqttException {
        if (System.nanoTime() - giveUpAt > 0) {
            throw cause;
        }
        try {
            Thread.sleep(SLOT_POLL_MS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    private static MqttMessage message(byte[] payload) {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(QOS_AT_LEAST_ONCE);
        m.setRetained(false);
        return m;
    }

    private static void awaitAck(IMqttToken token, Duration timeout) throws MqttException {
        token.waitForCompletion(timeout.toMillis());
        if (!token.isComplete()) {
            throw new MqttException(MqttClientException.REASON_CODE_CLIENT_TIMEOUT);
        }
        int[] codes = token.getReasonCodes();
        if (codes != null) {
            for (int code : codes) {
                if (code >= FIRST_FAILURE_REASON) {
                    throw new MqttException(code);
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(CLOSE_QUIESCE_MS).waitForCompletion(CLOSE_QUIESCE_MS * 2);
            }
        } catch (MqttException e) {
            LOG.debug("MQTT disconnect failed: {}", e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("MQTT close failed: {}", e.toString());
        }
    }
}
