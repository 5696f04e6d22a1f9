package io.cityops.opscenter.support;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * A field device as a test drives it: its own MQTT 5 connection, logged in as its sensor id (also
 * its client id, as the broker requires), publishing at QoS 1.
 */
public final class Device implements AutoCloseable {
    private final MqttClient client;

    public Device(String brokerUri, String sensorId, String password) throws MqttException {
        client = new MqttClient(brokerUri, sensorId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setUserName(sensorId);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        options.setAutomaticReconnect(true);
        client.connect(options);
    }

    /** Publishes at QoS 1 and returns once the broker acknowledged. */
    public void publish(String topic, String payload) throws MqttException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    public void publish(String topic, byte[] payload) throws MqttException {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        for (int attempt = 1; ; attempt++) {
            try {
                client.publish(topic, m);
                return;
            } catch (MqttException e) {
                // Paho refuses a publish when the broker's receive maximum is in use; a real device
                // backs
                // off and sends the same message again. The refusal happens before anything is
                // sent.
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT
                        || attempt == 100) {
                    throw e;
                }
                backOff();
            }
        }
    }

    private static void backOff() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
