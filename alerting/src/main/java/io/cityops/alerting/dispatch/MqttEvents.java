package io.cityops.alerting.dispatch;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events of the dispatcher's MQTT client: connection changes are logged for operators; every
 * (re)connection re-subscribes to the units' acks (STYLE #18), whose messages go to the listener.
 */
final class MqttEvents implements MqttCallback {
    private static final Logger LOG = LoggerFactory.getLogger(MqttEvents.class);

    /** What the dispatcher does on a connection and with an arriving message. */
    interface Listener {
        void connected();

        void messageArrived(String topic, MqttMessage message);
    }

    private final String clientId;
    private final Listener listener;

    MqttEvents(String clientId, Listener listener) {
        this.clientId = clientId;
        this.listener = listener;
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        LOG.info(
                "Dispatcher {} {} to {}",
                clientId,
                reconnect ? "reconnected" : "connected",
                serverUri);
        listener.connected();
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        String reason =
                response.getException() != null
                        ? response.getException().toString()
                        : "reason code "
                                + response.getReturnCode()
                                + " "
                                + response.getReasonString();
        LOG.warn("Dispatcher {} lost its MQTT connection ({}); reconnecting", clientId, reason);
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warn("Dispatcher {} MQTT error: {}", clientId, exception.toString());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        listener.messageArrived(topic, message);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // Completion is awaited per batch in UnitPublisher; nothing to do per message.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // No enhanced authentication is configured.
    }
}
