package io.cityops.jobs.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cityops.jobs.detection.water.RiverLevelParams;
import io.cityops.model.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionJobConfigTest {
    @Test
    void defaultsServeTheAllInOne() {
        DetectionJobConfig c = DetectionJobConfig.from(Settings.of(Map.of()));

        assertThat(c)
                .isEqualTo(
                        new DetectionJobConfig(
                                "127.0.0.1:19092",
                                "cityops-detection",
                                "classpath:cityops/provinces/laichau/province.json",
                                Duration.ofSeconds(30),
                                Duration.ofMinutes(1),
                                Duration.ofSeconds(10),
                                "cityops-detection"));
        assertThat(c.riverLevel()).isEqualTo(RiverLevelParams.DEFAULTS);
    }

    @Test
    void everyKeyCanBeSet() {
        DetectionJobConfig c =
                DetectionJobConfig.from(
                        Settings.of(
                                Map.of(
                                        "kafka.bootstrap", "kafka-1:9093",
                                        "city.model", "/etc/cityops/province.json",
                                        "detection.group-id", "g",
                                        "detection.out-of-orderness", "5s",
                                        "detection.idleness", "2m",
                                        "flink.checkpoint.interval", "PT1M",
                                        "detection.transactional-id-prefix", "tx",
                                        "detection.water.margin-cm", "35",
                                        "detection.water.clear-hold-off", "15m")));

        assertThat(c)
                .isEqualTo(
                        new DetectionJobConfig(
                                "kafka-1:9093",
                                "g",
                                "/etc/cityops/province.json",
                                Duration.ofSeconds(5),
                                Duration.ofMinutes(2),
                                Duration.ofMinutes(1),
                                "tx",
                                new RiverLevelParams(35, Duration.ofMinutes(15))));
    }

    @Test
    void aZeroCheckpointIntervalIsRefusedWithItsKey() {
        assertThatThrownBy(
                        () ->
                                DetectionJobConfig.from(
                                        Settings.of(Map.of("flink.checkpoint.interval", "0s"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flink.checkpoint.interval");
    }
}
