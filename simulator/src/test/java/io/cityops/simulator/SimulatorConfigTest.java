package io.cityops.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cityops.model.config.CommonKeys;
import io.cityops.model.config.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

    @Test
    void defaultsSuitTheAllInOne() {
        SimulatorConfig c = SimulatorConfig.from(Settings.of(Map.of()));
        assertThat(c)
                .isEqualTo(
                        new SimulatorConfig(
                                CommonKeys.MQTT_URI_DEFAULT,
                                Optional.empty(),
                                20251123L,
                                1.0,
                                Duration.ofSeconds(10),
                                Duration.ofMinutes(3),
                                1));
    }

    @Test
    void everyKeyCanBeSet() {
        SimulatorConfig c =
                SimulatorConfig.from(
                        Settings.of(
                                Map.of(
                                        "mqtt.uri", "tcp://127.0.0.1:18883",
                                        "simulator.device-password", "s3cret",
                                        "simulator.seed", "5",
                                        "simulator.rate", "12.5",
                                        "simulator.first-incident-after", "0s",
                                        "simulator.incident-every", "PT30S",
                                        "simulator.qos", "0")));
        assertThat(c)
                .isEqualTo(
                        new SimulatorConfig(
                                "tcp://127.0.0.1:18883",
                                Optional.of("s3cret"),
                                5,
                                12.5,
                                Duration.ZERO,
                                Duration.ofSeconds(30),
                                0));
    }

    @Test
    void rejectsARateThatIsNotPositive() {
        assertThatThrownBy(() -> SimulatorConfig.from(Settings.of(Map.of("simulator.rate", "0"))))
                .hasMessageContaining("simulator.rate");
    }
}
