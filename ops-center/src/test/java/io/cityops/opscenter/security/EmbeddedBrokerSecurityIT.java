package io.cityops.opscenter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cityops.model.Topics;
import io.cityops.model.city.Sensor;
import io.cityops.opscenter.embedded.EmbeddedMqttBroker;
import io.cityops.opscenter.support.BrokerClient;
import io.cityops.opscenter.support.TestStack;
import io.cityops.simulator.mqtt.DeviceLink;
import io.cityops.simulator.mqtt.DevicePasswords;
import io.cityops.simulator.mqtt.PahoDeviceLinks;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded HiveMQ with the CityOps security extension, on its own (no Kafka, no Flink). */
class EmbeddedBrokerSecurityIT extends BrokerSecurityContract {
    private static EmbeddedMqttBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker =
                new EmbeddedMqttBroker(
                        Files.createTempDirectory("cityops-broker-it-"),
                        "127.0.0.1",
                        TestStack.freePort(),
                        1000,
                        Optional.of(new BrokerGate(new BrokerPolicy(CITY), CREDENTIALS)));
        broker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    boolean refusesForeignSubscriptions() {
        return true;
    }

    @Override
    String brokerUri() {
        return broker.uri();
    }

    @Test
    void devicesAndUnitsMustUseTheirOwnIdAsClientId() {
        // Otherwise a device could take over, and so end or read, another client's session.
        assertThatThrownBy(
                        () ->
                                BrokerClient.connect(
                                        brokerUri(), NORTH, SOUTH, CREDENTIALS.passwordFor(SOUTH)))
                .isInstanceOf(MqttException.class)
                .extracting(e -> ((MqttException) e).getReasonCode())
                .isEqualTo(0x85);
    }

    @Test
    void simulatedDevicesLogInWithTheirDerivedPasswords() throws Exception {
        Sensor gauge = CITY.sensor(GAUGE).orElseThrow();
        String topic = Topics.sensor(gauge.domain(), gauge.id());
        DevicePasswords derived = s -> Optional.of(CREDENTIALS.passwordFor(s.id()));
        try (PahoDeviceLinks links = new PahoDeviceLinks(brokerUri(), derived, 1);
                DeviceLink link = links.open(gauge, topic)) {
            link.connect().get(20, TimeUnit.SECONDS);
            assertThat(link.isConnected()).isTrue();
        }
        try (PahoDeviceLinks links =
                        new PahoDeviceLinks(brokerUri(), Optional.of("one-for-all"), 1);
                DeviceLink link = links.open(gauge, topic)) {
            assertThatThrownBy(() -> link.connect().get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }
}
