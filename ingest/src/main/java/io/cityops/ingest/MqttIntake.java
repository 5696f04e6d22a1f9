package io.cityops.ingest;

import io.cityops.model.Topics;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's MQTT side: a persistent session on the ingest shared subscription with manual
 * acknowledgements. Each message goes to the {@link Handler} with an acknowledgement to run once it
 * is safe; until then the broker keeps the message and redelivers it to the next session.
 */
final class MqttIntake {
    /**
     * Receives each message on Paho's callback thread; must not block beyond Kafka backpressure.
     */
    interface Handler {
        void onMessage(String topic, byte[] payload, Runnable ack);
    }

    static final String TOPIC = Topics.INGEST_SHARED_SUBSCRIPTION;
    private static final Logger LOG = LoggerFactory.getLogger(MqttIntake.class);

    private final IngestConfig config;
    private final Handler handler;
    private final RateLimitedLog ackLog;

    /** Bumped when the connection drops: an ack is only valid on the connection that delivered. */
    private final AtomicLong connection = new AtomicLong();

    private volatile boolean closing;
    private MqttAsyncClient client;

    MqttIntake(IngestConfig config, Handler handler, RateLimitedLog ackLog) {
        this.config = config;
        this.handler = handler;
        this.ackLog = ackLog;
    }

    /** Connects (resuming the session if the broker kept it) and subscribes at QoS 1. */
    void start(Duration timeout) throws MqttException {
        client = new MqttAsyncClient(config.mqttUri(), config.clientId(), new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(new Callback());
        IMqttToken connect = client.connect(ClientSettings.mqtt(config));
        connect.waitForCompletion(timeout.toMillis());
        LOG.info(
                "Ingest bridge {} connected to {} (session present: {})",
                config.clientId(),
                config.mqttUri(),
                connect.getSessionPresent());
        IMqttToken subscribe = client.subscribe(new MqttSubscription(TOPIC, 1));
        subscribe.waitForCompletion(timeout.toMillis());
        requireGranted(subscribe);
        LOG.info("Ingest bridge {} subscribed to {}", config.clientId(), TOPIC);
    }

    /** From now on messages are left unacknowledged, for the broker to redeliver. */
    void stopTaking() {
        closing = true;
    }

    /** Disconnects normally, which keeps the session: the broker queues for this client id. */
    void close(Duration quiesce) {
        closing = true;
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect(quiesce.toMillis()).waitForCompletion(quiesce.toMillis());
            }
        } catch (MqttException e) {
            LOG.warn(
                    "Ingest bridge {} did not disconnect cleanly: {}",
                    config.clientId(),
                    e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.warn(
                    "Ingest bridge {} could not close its MQTT client: {}",
                    config.clientId(),
                    e.toString());
        }
    }

    private void acknowledge(int messageId, int qos, long arrivedOn) {
        if (qos == 0) {
            return;
        }
        if (connection.get() != arrivedOn) {
            // The broker redelivers it on the new connection, where this id may name another
            // message.
            LOG.debug(
                    "Ingest bridge {}: message {} came on an earlier connection; not acknowledged",
                    config.clientId(),
                    messageId);
            return;
        }
        try {
            client.messageArrivedComplete(messageId, qos);
        } catch (MqttException e) {
            ackLog.log(
                    "ack",
                    "Ingest bridge %s could not acknowledge message %d (%s); the broker will redeliver it"
                            .formatted(config.clientId(), messageId, e));
        }
    }

    private static void requireGranted(IMqttToken token) throws MqttException {
        for (int code : token.getReasonCodes()) {
            if (code >= 0x80) {
                throw new MqttException(code);
            }
        }
    }

    /** Paho's callbacks; they run on Paho's single callback thread and must not throw. */
    private final class Callback implements MqttCallback, MqttActionListener {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (closing) {
                return;
            }
            long arrivedOn = connection.get();
            int id = message.getId();
            int qos = message.getQos();
            try {
                handler.onMessage(
                        topic, message.getPayload(), () -> acknowledge(id, qos, arrivedOn));
            } catch (RuntimeException e) {
                LOG.error(
                        "Ingest bridge {} could not handle message {}; left unacknowledged",
                        config.clientId(),
                        id,
                        e);
            }
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (!reconnect) {
                return;
            }
            LOG.info(
                    "Ingest bridge {} reconnected to {}; subscribing again",
                    config.clientId(),
                    serverUri);
            try {
                client.subscribe(
                        new MqttSubscription[] {new MqttSubscription(TOPIC, 1)},
                        null,
                        this,
                        new MqttProperties());
            } catch (MqttException e) {
                onFailure(null, e);
            }
        }

        @Override
        public void onSuccess(IMqttToken token) {
            try {
                requireGranted(token);
                LOG.info("Ingest bridge {} subscribed to {}", config.clientId(), TOPIC);
            } catch (MqttException e) {
                onFailure(token, e);
            }
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
            LOG.error(
                    "Ingest bridge {} could not subscribe again to {}: {}",
                    config.clientId(),
                    TOPIC,
                    e.toString());
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            connection.incrementAndGet();
            if (!closing) {
                // A lost connection is expected operation, not a bug: no stack trace in the log.
                String why =
                        response.getException() != null
                                ? response.getException().toString()
                                : response.getReasonString();
                LOG.warn(
                        "Ingest bridge {} lost its MQTT connection ({}); reconnecting, the broker keeps what is"
                                + " unacknowledged",
                        config.clientId(),
                        why);
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            LOG.warn("Ingest bridge {} MQTT error: {}", config.clientId(), e.toString());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
