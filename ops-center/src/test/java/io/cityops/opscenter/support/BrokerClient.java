package io.cityops.opscenter.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * An MQTT 5 client that reports what the broker answered (CONNACK, PUBACK and SUBACK reason codes)
 * instead of hiding it, for tests of what the broker lets an account do.
 */
public final class BrokerClient implements AutoCloseable {
    /** MQTT 5 reason code 0x87, "not authorized". */
    public static final int NOT_AUTHORIZED = 0x87;

    /**
     * Whether a {@link #publish} outcome is a refusal: "not authorized" in the PUBACK, or the
     * broker ending the connection over it (HiveMQ does both: PUBACK 0x87, then DISCONNECT).
     */
    public static boolean refused(int publishOutcome) {
        return publishOutcome == NOT_AUTHORIZED
                || publishOutcome == MqttClientException.REASON_CODE_SERVER_DISCONNECTED;
    }

    private static final long TIMEOUT_MS = 10_000;
    private final MqttAsyncClient client;
    private final List<String> received = new CopyOnWriteArrayList<>();

    private BrokerClient(MqttAsyncClient client) {
        this.client = client;
    }

    /** Collects every message the client receives, as {@code topic payload}. */
    private static final class Collector implements MqttCallback {
        private final List<String> received;

        Collector(List<String> received) {
            this.received = received;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {}

        @Override
        public void mqttErrorOccurred(MqttException exception) {}

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }

    /**
     * Connects with a clean session, or throws the broker's refusal (its reason code in {@link
     * MqttException#getReasonCode()}).
     *
     * @param username null for an anonymous connection
     */
    public static BrokerClient connect(
            String brokerUri, String clientId, String username, String password)
            throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(brokerUri, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        BrokerClient wrapper = new BrokerClient(client);
        // A client-wide callback: Paho 1.2.5's per-subscription listeners fail without a
        // subscription identifier.
        client.setCallback(new Collector(wrapper.received));
        try {
            client.connect(options).waitForCompletion(TIMEOUT_MS);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return wrapper;
    }

    /** Logs in as the account, with the account's name as client id. */
    public static BrokerClient connect(String brokerUri, String username, String password)
            throws MqttException {
        return connect(brokerUri, username, username, password);
    }

    /**
     * Publishes at QoS 1 and returns the PUBACK's reason code (below 0x80 = accepted, e.g. 0x10 "no
     * matching subscribers"), or the reason of the disconnect if the broker dropped the connection
     * instead.
     */
    public int publish(String topic, String payload) throws MqttException {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        IMqttToken token = client.publish(topic, m);
        try {
            token.waitForCompletion(TIMEOUT_MS);
        } catch (MqttException e) {
            return e.getReasonCode();
        }
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    /**
     * Subscribes at QoS 1 and returns the SUBACK's reason code: the granted QoS, or 0x80 and above
     * for a refusal. Messages received land in {@link #received()} as {@code topic payload}.
     */
    public int subscribe(String filter) throws MqttException {
        IMqttToken token = client.subscribe(new MqttSubscription(filter, 1));
        try {
            token.waitForCompletion(TIMEOUT_MS);
        } catch (MqttException e) {
            return e.getReasonCode();
        }
        return token.getReasonCodes()[0];
    }

    public List<String> received() {
        return List.copyOf(received);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect(0).waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            // The broker may be ending this connection itself, after a refusal.
            client.disconnectForcibly(0, 1_000, false);
        }
        client.close(true);
    }
}
