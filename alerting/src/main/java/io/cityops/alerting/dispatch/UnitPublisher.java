package io.cityops.alerting.dispatch;

import io.cityops.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's MQTT side: one Paho client with a persistent session and automatic reconnect,
 * publishing alert versions to {@code units/<unitId>/alerts} at QoS 1 with a message expiry, and
 * subscribed to {@code units/+/acks} at QoS 1 with manual acknowledgement, so an ack is confirmed
 * to the broker only after it is safely in Kafka. Paho keeps unacknowledged messages in memory and
 * resends them after a reconnect; a message lost with the process is resent from Kafka, because
 * offsets are committed only after the broker's PUBACK.
 */
final class UnitPublisher implements AutoCloseable {
    /** MQTT subscription of every unit's acknowledgements. */
    static final String ACKS_SUBSCRIPTION = "units/+/acks";

    /** Receives a unit ack; calls {@code complete} once it is handled for good. */
    interface AckListener {
        void ackArrived(String topic, byte[] payload, Runnable complete);
    }

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
    private final ExpiryPolicy expiry;
    private final String clientId;

    UnitPublisher(DispatcherConfig config, AckListener acks) throws MqttException {
        clientId = config.clientId();
        expiry = ExpiryPolicy.of(config);
        client = new MqttAsyncClient(config.mqttUri(), config.clientId(), new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(
                new MqttEvents(
                        config.clientId(),
                        new MqttEvents.Listener() {
                            @Override
                            public void connected() {
                                subscribeAcks();
                            }

                            @Override
                            public void messageArrived(String topic, MqttMessage m) {
                                acks.ackArrived(
                                        topic,
                                        m.getPayload(),
                                        () -> complete(m.getId(), m.getQos()));
                            }
                        }));
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

    // Re-subscribing on every connection is harmless with a kept session and needed without one.
    private void subscribeAcks() {
        try {
            client.subscribe(new MqttSubscription(ACKS_SUBSCRIPTION, QOS_AT_LEAST_ONCE))
                    .setActionCallback(
                            new MqttActionListener() {
                                @Override
                                public void onSuccess(IMqttToken token) {
                                    int[] codes = token.getReasonCodes();
                                    if (codes != null
                                            && codes.length > 0
                                            && codes[0] >= FIRST_FAILURE_REASON) {
                                        LOG.error(
                                                "Dispatcher {} may not subscribe to {} (reason {}); unit acks will not arrive",
                                                clientId,
                                                ACKS_SUBSCRIPTION,
                                                codes[0]);
                                    } else {
                                        LOG.info(
                                                "Dispatcher {} subscribed to {}",
                                                clientId,
                                                ACKS_SUBSCRIPTION);
                                    }
                                }

                                @Override
                                public void onFailure(IMqttToken token, Throwable e) {
                                    LOG.error(
                                            "Dispatcher {} could not subscribe to {}: {}",
                                            clientId,
                                            ACKS_SUBSCRIPTION,
                                            e.toString());
                                }
                            });
        } catch (MqttException e) {
            LOG.error(
                    "Dispatcher {} could not subscribe to {}: {}",
                    clientId,
                    ACKS_SUBSCRIPTION,
                    e.toString());
        }
    }

    private void complete(int messageId, int qos) {
        if (qos == 0) {
            return;
        }
        try {
            client.messageArrivedComplete(messageId, qos);
        } catch (MqttException e) {
            LOG.warn(
                    "Dispatcher {} could not confirm ack message {} ({}); the broker redelivers it",
                    clientId,
                    messageId,
                    e.toString());
        }
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
                                client.publish(
                                        Topics.unitAlerts(unitId),
                                        message(d.payload(), expiry.expirySeconds(d.alert()))));
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

    private static MqttMessage message(byte[] payload, long expirySeconds) {
        MqttMessage m = new MqttMessage(payload);
        MqttProperties properties = new MqttProperties();
        properties.setMessageExpiryInterval(expirySeconds);
        properties.setContentType("application/json");
        m.setProperties(properties);
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
