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
 * Connection events of the dispatcher's MQTT client, for operators. The place where unit acks
 * ({@code units/+/acks}) will be subscribed on {@link #connectComplete} and handled in {@link
 * #messageArrived} once the acknowledgement issue lands; today the client subscribes to nothing.
 */
final class MqttEvents implements MqttCallback {
    private static final Logger LOG = LoggerFactory.getLogger(MqttEvents.class);

    private final String clientId;

    MqttEvents(String clientId) {
        this.clientId = clientId;
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        LOG.info(
                "Dispatcher {} {} to {}",
                clientId,
                reconnect ? "reconnected" : "connected",
                serverUri);
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
        LOG.warn(
                "Dispatcher {} ignores a message on {}: it subscribes to nothing", clientId, topic);
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
