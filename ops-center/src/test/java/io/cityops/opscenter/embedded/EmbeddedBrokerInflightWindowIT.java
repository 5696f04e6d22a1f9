package io.cityops.opscenter.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cityops.opscenter.support.TestStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;

/**
 * The embedded HiveMQ keeps as many unacknowledged QoS 1 messages outstanding to one subscriber as
 * {@link MqttBrokerTuning#inflightWindow()} says (bounded by the subscriber's Receive Maximum), not
 * HiveMQ's built-in 50, which held the ingest bridge to ~1 000 readings/s. Proved without timing: a
 * subscriber with Receive Maximum 1024 that never acknowledges, coming back to its persistent
 * session with messages queued for it (each on its own device topic), receives exactly as many as
 * the window allows, and no more.
 */
class EmbeddedBrokerInflightWindowIT {
    private static final int PUBLISHED = 300;

    @Test
    void theShippedWindowLetsTheBridgeSizedReceiveMaximumThrough() throws Exception {
        assertThat(unacknowledgedDeliveries(MqttBrokerTuning.defaults())).isEqualTo(PUBLISHED);
    }

    @Test
    void hivemqsOwnWindowStopsAtFifty() throws Exception {
        MqttBrokerTuning fifty =
                new MqttBrokerTuning(
                        MqttBrokerTuning.Persistence.FILE, MqttBrokerTuning.HIVEMQ_DEFAULT_WINDOW);
        assertThat(unacknowledgedDeliveries(fifty))
                .isEqualTo(MqttBrokerTuning.HIVEMQ_DEFAULT_WINDOW);
    }

    /**
     * Queues {@link #PUBLISHED} QoS 1 messages for a subscriber that is away, and returns how many
     * it receives on its return once deliveries stopped, acknowledging none.
     */
    private static int unacknowledgedDeliveries(MqttBrokerTuning tuning) throws Exception {
        EmbeddedMqttBroker broker =
                new EmbeddedMqttBroker(
                        Files.createTempDirectory("cityops-broker-window-it-"),
                        "127.0.0.1",
                        TestStack.freePort(),
                        10_000,
                        Optional.empty(),
                        tuning);
        broker.start();
        AtomicInteger received = new AtomicInteger();
        MqttAsyncClient sub =
                new MqttAsyncClient(broker.uri(), "slow-sub", new MemoryPersistence());
        MqttAsyncClient pub = new MqttAsyncClient(broker.uri(), "pub", new MemoryPersistence());
        try {
            // A persistent session, like the bridge's: what is published while it is away waits in
            // the broker's queue, and on reconnection the broker hands out one window of it.
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(false);
            o.setSessionExpiryInterval(300L);
            o.setReceiveMaximum(1024); // what the ingest bridge asks for
            sub.setManualAcks(true); // and never acknowledges here
            sub.setCallback(new Counting(received));
            sub.connect(o).waitForCompletion(10_000);
            sub.subscribe(new MqttSubscription("sensors/#", 1)).waitForCompletion(10_000);
            sub.disconnect().waitForCompletion(10_000);

            pub.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
            for (int i = 0; i < PUBLISHED; i++) {
                MqttMessage m = new MqttMessage(("reading " + i).getBytes(StandardCharsets.UTF_8));
                m.setQos(1);
                // One topic per device, as in the field (HiveMQ also keeps each topic in order).
                pub.publish("sensors/environment/wl-" + i, m).waitForCompletion(10_000);
            }
            sub.connect(o).waitForCompletion(10_000);
            int expected = Math.min(PUBLISHED, tuning.inflightWindow());
            await().atMost(Duration.ofSeconds(15))
                    .alias("deliveries to the subscriber that does not acknowledge")
                    .untilAsserted(() -> assertThat(received.get()).isEqualTo(expected));
            // Then nothing more arrives while nothing is acknowledged.
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> received.get() == expected);
            return received.get();
        } finally {
            pub.disconnect().waitForCompletion(5_000);
            pub.close(true);
            sub.disconnectForcibly(1_000, 1_000, false);
            sub.close(true);
            broker.close();
        }
    }

    private record Counting(AtomicInteger received) implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.incrementAndGet();
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
}
