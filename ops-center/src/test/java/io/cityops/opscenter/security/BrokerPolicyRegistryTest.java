package io.cityops.opscenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.ingest.registry.LiveSensorRegistry;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.GeoPoint;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import io.cityops.model.city.SensorRegistration;
import io.cityops.opscenter.security.BrokerGate.Admitted;
import io.cityops.opscenter.security.BrokerGate.Reason;
import io.cityops.opscenter.security.BrokerGate.Refused;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Device accounts follow the live sensor registry: added, moved and retired sensors. */
class BrokerPolicyRegistryTest {
    private static final CityModel CITY = CityModelLoader.sample();
    private static final MqttCredentials CREDENTIALS =
            new MqttCredentials("unit-test-secret-0123456789abc".getBytes(StandardCharsets.UTF_8));
    private static final String NEW_ID = "wl-201-muongte-b";
    private static final Sensor NEW_GAUGE =
            new Sensor(
                    NEW_ID,
                    SensorKind.RIVER_GAUGE,
                    "107",
                    "rs-107-muongte",
                    new GeoPoint(22.5, 102.5),
                    60);

    private final LiveSensorRegistry registry = new LiveSensorRegistry(CITY.sensors());
    private final BrokerPolicy policy = new BrokerPolicy(CITY, registry);
    private final BrokerGate gate = new BrokerGate(policy, CREDENTIALS);

    private BrokerGate.Admission login(String id) {
        return gate.admit(
                Optional.of(id),
                Optional.of(CREDENTIALS.passwordFor(id).getBytes(StandardCharsets.UTF_8)),
                id);
    }

    @Test
    void anAddedSensorMayLogInAndPublishOnlyToItsOwnTopic() {
        assertThat(login(NEW_ID))
                .isEqualTo(new Refused(Reason.BAD_CREDENTIALS, "unknown user " + NEW_ID));

        registry.apply(SensorRegistration.of(NEW_GAUGE));

        assertThat(login(NEW_ID)).isInstanceOf(Admitted.class);
        assertThat(((Admitted) login(NEW_ID)).principal().grants())
                .containsExactly(Grant.publish("sensors/environment/" + NEW_ID));
        assertThat(policy.principals())
                .extracting(Principal::username)
                .contains(NEW_ID)
                .hasSize(2 + CITY.sensors().size() + 1 + CITY.fieldUnits().size());
    }

    @Test
    void aRetiredSensorCanNoLongerLogInAndIsRevoked() {
        List<String> revoked = new ArrayList<>();
        policy.onDeviceRevoked(revoked::add);

        registry.apply(SensorRegistration.retirement("wl-107-muongte"));

        assertThat(login("wl-107-muongte"))
                .isEqualTo(new Refused(Reason.BAD_CREDENTIALS, "unknown user wl-107-muongte"));
        assertThat(revoked).containsExactly("wl-107-muongte");
    }

    @Test
    void aMoveWithinItsDomainKeepsTheGrantAMoveToAnotherDomainRevokesIt() {
        List<String> revoked = new ArrayList<>();
        policy.onDeviceRevoked(revoked::add);
        Sensor gauge = CITY.sensor("wl-107-muongte").orElseThrow();

        registry.apply(
                SensorRegistration.of(
                        new Sensor(
                                gauge.id(),
                                gauge.kind(),
                                "109",
                                "rs-109-namgiang",
                                gauge.location(),
                                gauge.heartbeatSec())));
        assertThat(revoked).isEmpty();

        registry.apply(
                SensorRegistration.of(
                        new Sensor(
                                gauge.id(),
                                SensorKind.FOREST_STATION,
                                "107",
                                "fz-107-1",
                                gauge.location(),
                                gauge.heartbeatSec())));
        assertThat(revoked).containsExactly("wl-107-muongte");
        assertThat(((Admitted) login("wl-107-muongte")).principal().grants())
                .containsExactly(Grant.publish("sensors/forest/wl-107-muongte"));
    }

    @Test
    void aSensorAddedUnderAServiceOrUnitNameDoesNotTakeOverThatAccount() {
        Sensor impostor =
                new Sensor(
                        "rescue-north",
                        SensorKind.RIVER_GAUGE,
                        "107",
                        "rs-107-muongte",
                        new GeoPoint(22.5, 102.5),
                        60);
        List<String> revoked = new ArrayList<>();
        policy.onDeviceRevoked(revoked::add);

        registry.apply(SensorRegistration.of(impostor));
        registry.apply(SensorRegistration.retirement("rescue-north"));

        assertThat(policy.principal("rescue-north").orElseThrow().role())
                .isEqualTo(Principal.Role.FIELD_UNIT);
        assertThat(revoked).isEmpty();
    }
}
