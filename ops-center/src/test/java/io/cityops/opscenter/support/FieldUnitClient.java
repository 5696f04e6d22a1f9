package io.cityops.opscenter.support;

import io.cityops.model.Alert;
import io.cityops.model.Topics;
import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * A field unit's device as a test drives it: logged in as the unit (user name and client id = unit
 * id) and subscribed to its own alert topic at QoS 1.
 */
public final class FieldUnitClient implements AutoCloseable {
    private final MqttClient client;
    private final List<Alert> received = new CopyOnWriteArrayList<>();

    public FieldUnitClient(String brokerUri, String unitId, String password) throws MqttException {
        client = new MqttClient(brokerUri, unitId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setUserName(unitId);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        client.connect(options);
        client.subscribe(
                new MqttSubscription[] {new MqttSubscription(Topics.unitAlerts(unitId), 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                    (topic, message) -> received.add(JsonCodec.ALERT.decode(message.getPayload()))
                });
    }

    /** Alerts received so far, in arrival order. */
    public List<Alert> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
