package io.cityops.opscenter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cityops.jobs.detection.registry.RegistryPublisher;
import io.cityops.model.Alert;
import io.cityops.model.AlertState;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.Topics;
import io.cityops.model.city.GeoPoint;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import io.cityops.model.city.SensorRegistration;
import io.cityops.model.json.JsonCodec;
import io.cityops.opscenter.OpsCenter;
import io.cityops.opscenter.support.BrokerClient;
import io.cityops.opscenter.support.FieldUnitClient;
import io.cityops.opscenter.support.KafkaProbe;
import io.cityops.opscenter.support.TestStack;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry is the live source of truth end to end: while the stack runs, an operator registers
 * a new river gauge at the Mường Tè station on the {@code registry} topic; the broker lets the new
 * device log in with its derived password, the bridge accepts its readings, the detection job sees
 * the river cross alarm level I and the alert reaches the district's rescue unit. Then the operator
 * retires the gauge: the broker ends its connection and refuses its next login.
 */
class RegistryChangesEndToEndIT {
    private static final String GAUGE = "wl-201-muongte-b";
    private static final Sensor NEW_GAUGE =
            new Sensor(
                    GAUGE,
                    SensorKind.RIVER_GAUGE,
                    "107",
                    "rs-107-muongte", // Mường Tè, Đà river: level I 286.00 m (DOMAIN.md)
                    new GeoPoint(22.50, 102.49),
                    60);

    /** MQTT 5 CONNACK 0x86, "bad user name or password". */
    private static final int BAD_USER_NAME_OR_PASSWORD = 0x86;

    private static OpsCenter stack;
    private static KafkaProbe accepted;
    private static KafkaProducer<byte[], byte[]> operator;

    @BeforeAll
    static void startStack() throws Exception {
        stack = TestStack.start(Map.of());
        String kafka = stack.config().kafkaBootstrap();
        accepted = new KafkaProbe(kafka, Topics.readings(Domain.ENVIRONMENT));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        operator = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (operator != null) {
            operator.close();
        }
        if (accepted != null) {
            accepted.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aGaugeAddedWhileRunningRaisesItsRiversAlertAndIsShutOutOnceRetired() throws Exception {
        String broker = stack.config().mqttUri();
        String password = TestStack.password(stack, GAUGE);

        // Not registered yet: the broker does not know the account.
        assertThatThrownBy(() -> BrokerClient.connect(broker, GAUGE, password).close())
                .isInstanceOf(MqttException.class)
                .extracting(e -> ((MqttException) e).getReasonCode())
                .isEqualTo(BAD_USER_NAME_OR_PASSWORD);

        operator.send(RegistryPublisher.record(SensorRegistration.of(NEW_GAUGE))).get();

        // Registered: it may log in, but publish only to its own topic (HiveMQ answers a foreign
        // publish with "not authorized" and ends the connection).
        try (BrokerClient probe = connectOnceRegistered(broker, password)) {
            assertThat(
                            BrokerClient.refused(
                                    probe.publish(
                                            Topics.sensor(Domain.ENVIRONMENT, "wl-107-muongte"),
                                            "{}")))
                    .isTrue();
        }

        try (FieldUnitClient north =
                        new FieldUnitClient(
                                broker, "rescue-north", TestStack.password(stack, "rescue-north"));
                BrokerClient gauge = BrokerClient.connect(broker, GAUGE, password)) {
            String topic = Topics.sensor(Domain.ENVIRONMENT, GAUGE);
            long start = System.currentTimeMillis() - Duration.ofMinutes(30).toMillis();
            // Thirty minutes of readings, one a minute, rising from 284.00 m past level I.
            for (int i = 0; i < 30; i++) {
                double levelCm = 28_400 + i * 10;
                assertThat(gauge.publish(topic, reading(start + i * 60_000L, i, levelCm)))
                        .isLessThan(0x80);
            }

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () ->
                                    assertThat(accepted.records())
                                            .filteredOn(r -> GAUGE.equals(r.key()))
                                            .hasSize(30));
            Reading first =
                    accepted.records().stream()
                            .filter(r -> GAUGE.equals(r.key()))
                            .map(r -> JsonCodec.READING.decode(r.value()))
                            .filter(r -> r.seq() == 0)
                            .findFirst()
                            .orElseThrow();
            assertThat(first)
                    .isEqualTo(
                            new Reading(
                                    GAUGE,
                                    Domain.ENVIRONMENT,
                                    start,
                                    0,
                                    Map.of("waterLevelCm", 28_400.0)));

            // The rise is also fast enough for water.rise; the level alert is the one checked.
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () ->
                                    assertThat(north.received())
                                            .extracting(Alert::type)
                                            .contains("water.level"));
            Alert alert =
                    north.received().stream()
                            .filter(a -> a.type().equals("water.level"))
                            .findFirst()
                            .orElseThrow();
            assertThat(alert.subjectId()).isEqualTo("rs-107-muongte");
            assertThat(alert.districtId()).isEqualTo("107");
            assertThat(alert.state()).isEqualTo(AlertState.ACTIVE);
            assertThat(alert.assignedUnits()).containsExactly("rescue-north");

            // Retired: the broker ends the device's connection, so its next publish fails...
            operator.send(RegistryPublisher.record(SensorRegistration.retirement(GAUGE))).get();
            await().atMost(Duration.ofSeconds(15)).until(() -> !gauge.isConnected());
            assertThatThrownBy(
                            () -> gauge.publish(topic, reading(start + 30 * 60_000L, 30, 28_700)))
                    .isInstanceOf(MqttException.class);
        }
        // ...and it cannot log in again.
        assertThatThrownBy(() -> BrokerClient.connect(broker, GAUGE, password).close())
                .isInstanceOf(MqttException.class)
                .extracting(e -> ((MqttException) e).getReasonCode())
                .isEqualTo(BAD_USER_NAME_OR_PASSWORD);
    }

    /** The follower applies the registration within a second or so: retry the login until then. */
    private static BrokerClient connectOnceRegistered(String broker, String password) {
        BrokerClient[] connected = new BrokerClient[1];
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .ignoreException(MqttException.class)
                .until(
                        () -> {
                            connected[0] = BrokerClient.connect(broker, GAUGE, password);
                            return true;
                        });
        return connected[0];
    }

    private static String reading(long ts, long seq, double waterLevelCm) {
        return "{\"sensorId\":\"%s\",\"ts\":%d,\"seq\":%d,\"metrics\":{\"waterLevelCm\":%.1f}}"
                .formatted(GAUGE, ts, seq, waterLevelCm);
    }
}
