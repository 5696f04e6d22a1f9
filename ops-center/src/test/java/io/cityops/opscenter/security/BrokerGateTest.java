package io.cityops.opscenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.city.CityModelLoader;
import io.cityops.opscenter.security.BrokerGate.Admitted;
import io.cityops.opscenter.security.BrokerGate.Reason;
import io.cityops.opscenter.security.BrokerGate.Refused;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrokerGateTest {
    private static final MqttCredentials CREDENTIALS =
            new MqttCredentials("unit-test-secret-0123456789abc".getBytes(StandardCharsets.UTF_8));
    private static final BrokerPolicy POLICY = new BrokerPolicy(CityModelLoader.sample());
    private static final BrokerGate GATE = new BrokerGate(POLICY, CREDENTIALS);

    private static Optional<byte[]> passwordOf(String user) {
        return Optional.of(CREDENTIALS.passwordFor(user).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyAccountHasItsOwnPasswordAndAnotherSecretGivesOthers() {
        MqttCredentials other =
                new MqttCredentials("another-province-secret-xyz".getBytes(StandardCharsets.UTF_8));
        assertThat(CREDENTIALS.passwordFor("aq-105-1"))
                .hasSize(43)
                .isEqualTo(CREDENTIALS.passwordFor("aq-105-1"))
                .isNotEqualTo(CREDENTIALS.passwordFor("aq-105-2"))
                .isNotEqualTo(other.passwordFor("aq-105-1"));
    }

    @Test
    void deviceIsAdmittedToPublishOnlyToItsOwnTopic() {
        var admission =
                GATE.admit(
                        Optional.of("wl-107-muongte"),
                        passwordOf("wl-107-muongte"),
                        "wl-107-muongte");
        assertThat(admission).isInstanceOf(Admitted.class);
        assertThat(((Admitted) admission).principal().grants())
                .containsExactly(Grant.publish("sensors/environment/wl-107-muongte"));
    }

    @Test
    void unitMaySubscribeToItsAlertsAndPublishItsAcks() {
        assertThat(POLICY.principal("rescue-north").orElseThrow().grants())
                .containsExactlyInAnyOrder(
                        Grant.subscribe("units/rescue-north/alerts"),
                        Grant.publish("units/rescue-north/acks"));
    }

    @Test
    void anonymousUnknownAndWrongPasswordsAreRefused() {
        assertThat(GATE.admit(Optional.empty(), Optional.empty(), "x"))
                .isEqualTo(
                        new Refused(
                                Reason.BAD_CREDENTIALS, "anonymous connections are not allowed"));
        assertThat(GATE.admit(Optional.of("aq-999-9"), passwordOf("aq-999-9"), "aq-999-9"))
                .isInstanceOf(Refused.class);
        assertThat(GATE.admit(Optional.of("aq-105-1"), passwordOf("aq-105-2"), "aq-105-1"))
                .isInstanceOf(Refused.class);
    }

    @Test
    void servicesChooseTheirClientIdsDevicesDoNot() {
        assertThat(GATE.admit(Optional.of("aq-105-1"), passwordOf("aq-105-1"), "ingest-1"))
                .extracting(a -> ((Refused) a).reason())
                .isEqualTo(Reason.CLIENT_ID_NOT_ALLOWED);
        assertThat(
                        GATE.admit(
                                Optional.of(BrokerPolicy.INGEST_USER),
                                passwordOf(BrokerPolicy.INGEST_USER),
                                "ingest-1"))
                .isInstanceOf(Admitted.class);
    }
}
