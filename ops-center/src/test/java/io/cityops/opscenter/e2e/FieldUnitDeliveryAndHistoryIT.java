package io.cityops.opscenter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cityops.model.Alert;
import io.cityops.model.Domain;
import io.cityops.model.Topics;
import io.cityops.model.json.JsonCodec;
import io.cityops.opscenter.OpsCenter;
import io.cityops.opscenter.support.Device;
import io.cityops.opscenter.support.KafkaProbe;
import io.cityops.opscenter.support.TestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The field unit's side and the analyst's side through the whole all-in-one: a unit that is offline
 * when its alert is raised gets it when it comes back (persistent session, QoS 1); its
 * acknowledgement over MQTT becomes a version of the alert; the operator API lists the alert; the
 * readings that caused it are in InfluxDB, read back through the history API.
 */
class FieldUnitDeliveryAndHistoryIT {
    private static final String GAUGE = "wl-108-namma"; // Nậm Mạ, level I at 450.00 m
    private static final String UNIT = "rescue-north";
    private static final String ALERT_ID = "water.level:rs-108-namma";
    private static OpsCenter stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = TestStack.start(Map.of());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void offlineUnitGetsItsAlertOnReconnectAndItsAckIsRecorded() throws Exception {
        String broker = stack.config().mqttUri();
        List<Alert> received = new CopyOnWriteArrayList<>();
        MqttClient unit = new MqttClient(broker, UNIT, new MemoryPersistence());
        MqttConnectionOptions persistent = new MqttConnectionOptions();
        persistent.setCleanStart(false);
        persistent.setSessionExpiryInterval(3600L);
        persistent.setUserName(UNIT);
        persistent.setPassword(TestStack.password(stack, UNIT).getBytes(StandardCharsets.UTF_8));
        IMqttMessageListener[] onAlert = {
            (topic, m) -> received.add(JsonCodec.ALERT.decode(m.getPayload()))
        };
        // The unit's device subscribes once, then goes out of coverage.
        unit.connect(persistent);
        unit.subscribe(
                new MqttSubscription[] {new MqttSubscription(Topics.unitAlerts(UNIT), 1)}, onAlert);
        unit.disconnect();

        long start = System.currentTimeMillis() - Duration.ofMinutes(30).toMillis();
        try (KafkaProbe alerts = new KafkaProbe(stack.config().kafkaBootstrap(), Topics.ALERTS);
                Device gauge = new Device(broker, GAUGE, TestStack.password(stack, GAUGE))) {
            for (int i = 0; i < 30; i++) {
                gauge.publish(
                        Topics.sensor(Domain.ENVIRONMENT, GAUGE),
                        AlertReachesResponsibleUnitIT.reading(
                                GAUGE, start + i * 60_000L, i, 44_800 + i * 10));
            }
            // The alert is raised and dispatched while the unit is away.
            await().atMost(Duration.ofSeconds(90)).until(() -> !versions(alerts).isEmpty());

            // Back in coverage: the broker hands over what was queued for the session.
            unit.setCallback(null);
            unit.connect(persistent);
            unit.subscribe(
                    new MqttSubscription[] {new MqttSubscription(Topics.unitAlerts(UNIT), 1)},
                    onAlert);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> received.stream().anyMatch(a -> a.alertId().equals(ALERT_ID)));

            MqttMessage ack =
                    new MqttMessage(
                            ("{\"alertId\":\""
                                            + ALERT_ID
                                            + "\",\"comment\":\"đang tới hiện trường\"}")
                                    .getBytes(StandardCharsets.UTF_8));
            ack.setQos(1);
            unit.publish(Topics.unitAcks(UNIT), ack);
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () ->
                                    assertThat(versions(alerts))
                                            .anySatisfy(
                                                    a -> {
                                                        assertThat(a.acknowledged()).isTrue();
                                                        assertThat(a.acknowledgedBy())
                                                                .contains(UNIT);
                                                    }));
        } finally {
            if (unit.isConnected()) {
                unit.disconnect();
            }
            unit.close();
        }

        // The operator's API lists it; the analyst's history has every reading that caused it.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(get("/api/alerts", TestStack.OPERATOR_TOKEN).body())
                                        .contains(ALERT_ID));
        String from = Instant.ofEpochMilli(start).toString();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> {
                            HttpResponse<String> history =
                                    get(
                                            "/api/history?field=waterLevelCm&sensorId="
                                                    + GAUGE
                                                    + "&from="
                                                    + from,
                                            TestStack.ANALYST_TOKEN);
                            assertThat(history.statusCode()).isEqualTo(200);
                            assertThat(history.body().split("\"time\":", -1)).hasSize(31);
                            assertThat(history.body())
                                    .contains("{\"time\":" + start + ",\"value\":44800.0}");
                        });
    }

    private static List<Alert> versions(KafkaProbe alerts) {
        return alerts.records().stream()
                .filter(r -> r.value() != null)
                .map(r -> JsonCodec.ALERT.decode(r.value()))
                .filter(a -> a.alertId().equals(ALERT_ID))
                .toList();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(stack.dashboardUrl() + path.substring(1)))
                        .header("Authorization", "Bearer " + token)
                        .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
