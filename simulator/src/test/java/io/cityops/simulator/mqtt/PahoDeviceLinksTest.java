package io.cityops.simulator.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.Sensor;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.Test;

class PahoDeviceLinksTest {
    private static final Sensor GAUGE =
            CityModelLoader.sample().sensor("wl-107-muongte").orElseThrow();

    @Test
    void withADevicePasswordEachDeviceLogsInAsItsOwnSensorId() {
        MqttConnectionOptions o = PahoDeviceLinks.options(GAUGE, Optional.of("s3cret"));
        assertThat(o.getUserName()).isEqualTo("wl-107-muongte");
        assertThat(new String(o.getPassword(), StandardCharsets.UTF_8)).isEqualTo("s3cret");
        assertThat(o.isCleanStart()).isTrue();
    }

    @Test
    void withoutOneDevicesConnectAnonymously() {
        MqttConnectionOptions o = PahoDeviceLinks.options(GAUGE, Optional.empty());
        assertThat(o.getUserName()).isNull();
        assertThat(o.getPassword()).isNull();
    }
}
