package io.cityops.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertLifecycleConfigTest {
    @Test
    void defaultsSuitTheAllInOne() {
        assertThat(AlertLifecycleConfig.from(Settings.of(Map.of())))
                .isEqualTo(
                        new AlertLifecycleConfig(
                                "127.0.0.1:19092",
                                "cityops-alerting",
                                "classpath:cityops/provinces/laichau/province.json",
                                Duration.ofSeconds(10),
                                "cityops-alerting",
                                Duration.ofMinutes(30)));
    }

    @Test
    void everyKeyCanBeOverridden() {
        Settings s =
                Settings.of(
                        Map.of(
                                "kafka.bootstrap", "kafka-1:9093",
                                "alerting.group-id", "g",
                                "city.model", "/etc/cityops/province.json",
                                "flink.checkpoint.interval", "2s",
                                "alerting.transactional-id-prefix", "tx",
                                "alerting.reopen-window", "5m"));

        assertThat(AlertLifecycleConfig.from(s))
                .isEqualTo(
                        new AlertLifecycleConfig(
                                "kafka-1:9093",
                                "g",
                                "/etc/cityops/province.json",
                                Duration.ofSeconds(2),
                                "tx",
                                Duration.ofMinutes(5)));
    }
}
