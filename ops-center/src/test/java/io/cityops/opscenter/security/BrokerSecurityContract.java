package io.cityops.opscenter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cityops.model.Domain;
import io.cityops.model.Topics;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.opscenter.support.BrokerClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

/**
 * What every broker CityOps runs on must enforce for the sample province, whether the embedded
 * HiveMQ with its extension or Mosquitto with the generated files: real clients, real refusals.
 */
abstract class BrokerSecurityContract {
    static final CityModel CITY = CityModelLoader.sample();
    static final MqttCredentials CREDENTIALS =
            new MqttCredentials("test-province-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    static final String GAUGE = "wl-107-muongte";
    static final String AQ = "aq-105-1";
    static final String NORTH = "rescue-north";
    static final String SOUTH = "rescue-south";

    /** The broker under test, already running with the sample province's accounts. */
    abstract String brokerUri();

    /**
     * Whether the broker refuses a foreign subscription in its SUBACK. Mosquitto 2's ACL file
     * grants every subscription and withholds the messages instead; either way nothing arrives.
     */
    abstract boolean refusesForeignSubscriptions();

    private void assertForeignSubscription(int subackCode) {
        if (refusesForeignSubscriptions()) {
            assertThat(subackCode).isGreaterThanOrEqualTo(0x80);
        }
    }

    BrokerClient login(String username) throws MqttException {
        return BrokerClient.connect(brokerUri(), username, CREDENTIALS.passwordFor(username));
    }

    BrokerClient ingest(String clientId) throws MqttException {
        String user = BrokerPolicy.INGEST_USER;
        return BrokerClient.connect(brokerUri(), clientId, user, CREDENTIALS.passwordFor(user));
    }

    @Test
    void deviceCannotPublishToAnotherDevicesTopic() throws Exception {
        try (BrokerClient bridge = ingest("it-bridge-foreign");
                BrokerClient gauge = login(GAUGE);
                BrokerClient aq = login(AQ)) {
            assertThat(bridge.subscribe(Topics.INGEST_SHARED_SUBSCRIPTION)).isEqualTo(1);
            String aqTopic = Topics.sensor(Domain.ENVIRONMENT, AQ);

            assertThat(BrokerClient.refused(gauge.publish(aqTopic, "forged by the gauge")))
                    .isTrue();
            assertThat(aq.publish(aqTopic, "from aq itself")).isLessThan(0x80);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> bridge.received().contains(aqTopic + " from aq itself"));
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> bridge.received().size() == 1);
        }
    }

    @Test
    void deviceCannotPublishUnderAnotherDomainOrAnywhereElse() throws Exception {
        try (BrokerClient bridge = ingest("it-bridge-domain")) {
            assertThat(bridge.subscribe("sensors/#")).isEqualTo(1);
            for (String topic :
                    List.of(Topics.sensor(Domain.TRAFFIC, AQ), "sensors/environment", "x/y")) {
                try (BrokerClient aq = login(AQ)) {
                    assertThat(BrokerClient.refused(aq.publish(topic, "x"))).as(topic).isTrue();
                }
            }
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> bridge.received().isEmpty());
        }
    }

    @Test
    void deviceCannotListenToOtherSensorsOrUnits() throws Exception {
        String dispatcherUser = BrokerPolicy.DISPATCHER_USER;
        try (BrokerClient aq = login(AQ);
                BrokerClient gauge = login(GAUGE);
                BrokerClient dispatcher =
                        BrokerClient.connect(
                                brokerUri(),
                                "it-dispatcher-eavesdrop",
                                dispatcherUser,
                                CREDENTIALS.passwordFor(dispatcherUser))) {
            assertForeignSubscription(aq.subscribe("sensors/#"));
            assertForeignSubscription(aq.subscribe(Topics.unitAlerts(NORTH)));
            assertThat(gauge.publish(Topics.sensor(Domain.ENVIRONMENT, GAUGE), "reading"))
                    .isLessThan(0x80);
            assertThat(dispatcher.publish(Topics.unitAlerts(NORTH), "alert")).isLessThan(0x80);
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> aq.received().isEmpty());
        }
    }

    @Test
    void connectionsWithoutTheRightPasswordAreRefused() throws Exception {
        assertRefused(() -> BrokerClient.connect(brokerUri(), GAUGE, null, null));
        assertRefused(() -> BrokerClient.connect(brokerUri(), GAUGE, GAUGE, "guessed"));
        assertRefused(
                () -> BrokerClient.connect(brokerUri(), GAUGE, GAUGE, CREDENTIALS.passwordFor(AQ)));
        assertRefused(() -> BrokerClient.connect(brokerUri(), "aq-999-9", "aq-999-9", "x"));
        try (BrokerClient gauge = login(GAUGE)) {
            assertThat(gauge.isConnected()).isTrue();
        }
    }

    /** Refused with "bad user name or password" or "not authorized" in the CONNACK. */
    static void assertRefused(ThrowingConnect connect) {
        assertThatThrownBy(connect::run)
                .isInstanceOf(MqttException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isIn(0x86, 0x87));
    }

    interface ThrowingConnect {
        void run() throws Exception;
    }

    @Test
    void unitReceivesItsOwnAlertsAndCannotSubscribeToAnotherUnits() throws Exception {
        String dispatcherUser = BrokerPolicy.DISPATCHER_USER;
        try (BrokerClient north = login(NORTH);
                BrokerClient south = login(SOUTH);
                BrokerClient dispatcher =
                        BrokerClient.connect(
                                brokerUri(),
                                "it-dispatcher",
                                dispatcherUser,
                                CREDENTIALS.passwordFor(dispatcherUser))) {
            assertThat(north.subscribe(Topics.unitAlerts(NORTH))).isEqualTo(1);
            assertForeignSubscription(south.subscribe(Topics.unitAlerts(NORTH)));
            assertForeignSubscription(south.subscribe("units/+/alerts"));
            assertForeignSubscription(south.subscribe("#"));

            assertThat(dispatcher.publish(Topics.unitAlerts(NORTH), "alert for north"))
                    .isLessThan(0x80);

            await().atMost(Duration.ofSeconds(10))
                    .until(
                            () ->
                                    north.received()
                                            .contains(
                                                    Topics.unitAlerts(NORTH) + " alert for north"));
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> south.received().isEmpty());
        }
    }

    @Test
    void unitAcknowledgesOnlyForItself() throws Exception {
        String dispatcherUser = BrokerPolicy.DISPATCHER_USER;
        try (BrokerClient dispatcher =
                BrokerClient.connect(
                        brokerUri(),
                        "it-dispatcher-acks",
                        dispatcherUser,
                        CREDENTIALS.passwordFor(dispatcherUser))) {
            assertThat(dispatcher.subscribe(Topics.unitAcks("+"))).isEqualTo(1);
            try (BrokerClient south = login(SOUTH)) {
                assertThat(BrokerClient.refused(south.publish(Topics.unitAcks(NORTH), "forged")))
                        .isTrue();
            }
            try (BrokerClient south = login(SOUTH)) {
                assertThat(south.publish(Topics.unitAcks(SOUTH), "own ack")).isLessThan(0x80);
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(
                            () ->
                                    dispatcher
                                            .received()
                                            .contains(Topics.unitAcks(SOUTH) + " own ack"));
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> dispatcher.received().size() == 1);
        }
    }
}
