package io.cityops.alerting.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.config.Settings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DispatcherConfigTest {
    @Test
    void defaultsSuitTheAllInOne() {
        assertThat(DispatcherConfig.from(Settings.of(Map.of())))
                .isEqualTo(
                        new DispatcherConfig(
                                "127.0.0.1:19092",
                                "cityops-dispatcher",
                                "tcp://127.0.0.1:11883",
                                Optional.empty(),
                                Optional.empty(),
                                "cityops-dispatcher-1"));
    }

    @Test
    void credentialsAreReadButThePasswordIsNeverPrinted() {
        DispatcherConfig config =
                DispatcherConfig.from(
                        Settings.of(
                                Map.of(
                                        "mqtt.uri", "ssl://broker:8883",
                                        "mqtt.username", "dispatcher",
                                        "mqtt.password", "s3cret",
                                        "dispatcher.group-id", "g",
                                        "dispatcher.client-id", "d-2")));

        assertThat(config.mqttUri()).isEqualTo("ssl://broker:8883");
        assertThat(config.mqttUsername()).contains("dispatcher");
        assertThat(config.mqttPassword()).contains("s3cret");
        assertThat(config.groupId()).isEqualTo("g");
        assertThat(config.clientId()).isEqualTo("d-2");
        assertThat(config.toString()).contains("dispatcher").doesNotContain("s3cret");
    }
}
