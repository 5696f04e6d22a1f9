package io.cityops.model.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SensorRegistrationTest {
    private static final Sensor GAUGE =
            new Sensor(
                    "wl-200-new",
                    SensorKind.RIVER_GAUGE,
                    "107",
                    "rs-107-muongte",
                    new GeoPoint(22.38, 102.83),
                    300);

    @Test
    void aRegistrationRoundTripsAsTheOperatorWritesIt() {
        String json =
                "{\"sensorId\":\"wl-200-new\",\"sensor\":{\"id\":\"wl-200-new\","
                        + "\"kind\":\"RIVER_GAUGE\",\"districtId\":\"107\","
                        + "\"subjectId\":\"rs-107-muongte\","
                        + "\"location\":{\"lat\":22.38,\"lon\":102.83},\"heartbeatSec\":300}}";

        SensorRegistration r = JsonCodec.REGISTRATION.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThat(r).isEqualTo(SensorRegistration.of(GAUGE));
        assertThat(JsonCodec.REGISTRATION.decode(JsonCodec.REGISTRATION.encode(r))).isEqualTo(r);
    }

    @Test
    void aRetirementNeedsOnlyTheIdAndDropsAnySensor() {
        SensorRegistration r =
                JsonCodec.REGISTRATION.decode(
                        "{\"sensorId\":\"wl-200-new\",\"retired\":true}"
                                .getBytes(StandardCharsets.UTF_8));

        assertThat(r).isEqualTo(SensorRegistration.retirement("wl-200-new"));
        assertThat(r.sensor()).isNull();
    }

    @Test
    void aRegistrationWhoseSensorHasAnotherIdIsRefused() {
        assertThatThrownBy(() -> new SensorRegistration("other", false, GAUGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other");
    }
}
