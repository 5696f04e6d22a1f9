package io.cityops.bench.stage;

import io.cityops.bench.support.Infra;
import io.cityops.bench.support.LoadGenerator;
import io.cityops.bench.support.Machine;
import io.cityops.bench.support.Payloads;
import io.cityops.bench.support.ResultLog;
import io.cityops.model.Topics;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.Sensor;
import io.cityops.opscenter.embedded.EmbeddedMqttBroker;
import io.cityops.opscenter.embedded.MqttBrokerTuning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
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

/**
 * The MQTT hop alone, to tell broker from bridge: the same devices publish to the embedded HiveMQ,
 * and one Paho subscriber that does nothing but count (acknowledging at once, or manually after the
 * callback like the bridge) takes the messages, on the bridge's shared subscription with a
 * persistent session (as the bridge does) or on a plain subscription with a clean session.
 */
public final class BrokerStage {
    private BrokerStage() {}

    public record Variant(
            String name,
            boolean shared,
            boolean persistentSession,
            boolean manualAcks,
            MqttBrokerTuning tuning) {}

    public static void run(
            ResultLog log, List<Variant> variants, int qos, double rate, double seconds)
            throws Exception {
        CityModel city = CityModelLoader.sample();
        List<Sensor> sensors = new ArrayList<>(city.sensors()).subList(0, 32);
        for (Variant v : variants) {
            Path home = Files.createTempDirectory("cityops-bench-mqtt-");
            EmbeddedMqttBroker broker =
                    new EmbeddedMqttBroker(
                            home,
                            "127.0.0.1",
                            Infra.freePort(),
                            1_000_000,
                            java.util.Optional.empty(),
                            v.tuning());
            broker.start();
            try {
                LongAdder received = new LongAdder();
                MqttAsyncClient sub =
                        new MqttAsyncClient(broker.uri(), "bench-sub", new MemoryPersistence());
                MqttConnectionOptions o = new MqttConnectionOptions();
                o.setCleanStart(!v.persistentSession());
                if (v.persistentSession()) {
                    o.setSessionExpiryInterval(600L);
                }
                o.setReceiveMaximum(1024);
                sub.setManualAcks(v.manualAcks());
                sub.setCallback(
                        new MqttCallback() {
                            @Override
                            public void messageArrived(String topic, MqttMessage m) {
                                received.increment();
                                if (v.manualAcks() && m.getQos() > 0) {
                                    try {
                                        sub.messageArrivedComplete(m.getId(), m.getQos());
                                    } catch (MqttException e) {
                                        // counted as received; the broker redelivers
                                    }
                                }
                            }

                            @Override
                            public void disconnected(MqttDisconnectResponse r) {}

                            @Override
                            public void mqttErrorOccurred(MqttException e) {}

                            @Override
                            public void deliveryComplete(IMqttToken t) {}

                            @Override
                            public void connectComplete(boolean reconnect, String uri) {}

                            @Override
                            public void authPacketArrived(int code, MqttProperties p) {}
                        });
                sub.connect(o).waitForCompletion(30_000);
                String filter = v.shared() ? Topics.INGEST_SHARED_SUBSCRIPTION : "sensors/#";
                sub.subscribe(new MqttSubscription(filter, 1)).waitForCompletion(10_000);
                try (LoadGenerator load =
                        new LoadGenerator(broker.uri(), sensors, new Payloads(city), qos, null)) {
                    load.run(2_000, 2);
                    Thread.sleep(2_000);
                    double[] loadBefore = Machine.loadAverage();
                    long r0 = received.sum();
                    long t0 = System.currentTimeMillis();
                    LoadGenerator.Run run = load.run(rate, seconds);
                    long lastChange = System.currentTimeMillis();
                    long last = received.sum();
                    long deadline = lastChange + 30_000;
                    while (received.sum() - r0 < run.accepted()
                            && System.currentTimeMillis() < deadline) {
                        Thread.sleep(50);
                        if (received.sum() != last) {
                            last = received.sum();
                            lastChange = System.currentTimeMillis();
                        } else if (System.currentTimeMillis() - lastChange > 3_000) {
                            break;
                        }
                    }
                    long got = received.sum() - r0;
                    Map<String, Object> params = new LinkedHashMap<>();
                    params.put("qos", qos);
                    params.put("offeredPerSec", rate);
                    params.put("shared", v.shared());
                    params.put("persistentSession", v.persistentSession());
                    params.put("manualAcks", v.manualAcks());
                    params.put("persistence", v.tuning().persistence().hivemqMode());
                    params.put("inflightWindow", v.tuning().inflightWindow());
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("brokerAccepted", run.accepted());
                    m.put("received", got);
                    m.put(
                            "receivedPerSec",
                            ResultLog.round(got / Math.max(0.001, (lastChange - t0) / 1000.0)));
                    log.add(
                            new ResultLog.Row("stage-broker", v.name(), params, m, null),
                            loadBefore,
                            (System.currentTimeMillis() - t0) / 1000.0);
                }
                sub.disconnect().waitForCompletion(5_000);
                sub.close(true);
            } finally {
                broker.close();
                Infra.deleteTree(home);
            }
        }
    }
}
