package io.cityops.jobs.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cityops.jobs.coverage.liveness.SilenceRule;
import io.cityops.jobs.detection.health.SensorHealthParams;
import io.cityops.jobs.detection.water.RiverLevelParams;
import io.cityops.model.city.SensorKind;
import io.cityops.model.config.Settings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
        assertThat(c.unknownSensorHold()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.health()).isEqualTo(SensorHealthParams.DEFAULTS);
        assertThat(c.domains()).isEqualTo(DomainDetectorParams.DEFAULTS);
        assertThat(c.health().silenceExempt()).containsExactly(SensorKind.CUSTOMER_METER);
        assertThat(c.health().stuckMetrics(SensorKind.RAIN_GAUGE)).isEmpty();
        assertThat(c.health().burstSteps()).containsEntry("temperatureC", 15.0);
    }

    @Test
    void everyKeyCanBeSet() {
        DetectionJobConfig c =
                DetectionJobConfig.from(
                        Settings.of(
                                Map.ofEntries(
                                        Map.entry("kafka.bootstrap", "kafka-1:9093"),
                                        Map.entry("city.model", "/etc/cityops/province.json"),
                                        Map.entry("detection.group-id", "g"),
                                        Map.entry("detection.out-of-orderness", "5s"),
                                        Map.entry("detection.idleness", "2m"),
                                        Map.entry("flink.checkpoint.interval", "PT1M"),
                                        Map.entry("detection.transactional-id-prefix", "tx"),
                                        Map.entry("detection.unknown-sensor-hold", "0s"),
                                        Map.entry("detection.water.margin-cm", "35"),
                                        Map.entry("detection.water.clear-hold-off", "15m"),
                                        Map.entry("detection.health.silence-factor", "4"),
                                        Map.entry("detection.health.silence-exempt-kinds", "none"),
                                        Map.entry("detection.health.stuck-readings", "10"),
                                        Map.entry(
                                                "detection.health.stuck-metrics.rain-gauge",
                                                "temperatureC, humidityPct"),
                                        Map.entry("detection.health.burst-step.pm25", "400"),
                                        Map.entry("detection.health.burst-step.temperatureC", "0"),
                                        Map.entry("detection.health.burst-max-gap", "2m"),
                                        Map.entry("detection.health.burst-count", "5"),
                                        Map.entry("detection.health.burst-window", "30m"),
                                        Map.entry("detection.health.retention", "1d"))));

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
                                Duration.ZERO,
                                new RiverLevelParams(35, Duration.ofMinutes(15)),
                                health(),
                                DomainDetectorParams.DEFAULTS));
    }

    private static SensorHealthParams health() {
        Map<SensorKind, Set<String>> stuck =
                new HashMap<>(SensorHealthParams.DEFAULTS.stuckMetrics());
        stuck.put(SensorKind.RAIN_GAUGE, Set.of("temperatureC", "humidityPct"));
        Map<String, Double> steps = new HashMap<>(SensorHealthParams.DEFAULTS.burstSteps());
        steps.remove("temperatureC");
        steps.put("pm25", 400.0);
        return new SensorHealthParams(
                new SilenceRule(4),
                Set.of(),
                10,
                stuck,
                steps,
                Duration.ofMinutes(2),
                5,
                Duration.ofMinutes(30),
                Duration.ofDays(1));
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
