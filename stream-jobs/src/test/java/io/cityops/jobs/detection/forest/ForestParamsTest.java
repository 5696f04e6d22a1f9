package io.cityops.jobs.detection.forest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cityops.model.config.Settings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration of the forest detectors: DOMAIN.md defaults and their overrides. */
class ForestParamsTest {

    @Test
    void defaultsAreDomainMdValues() {
        ForestParams p = ForestParams.from(Settings.of(Map.of()));

        assertThat(p).isEqualTo(ForestParams.DEFAULTS);
        assertThat(p.riseC()).isEqualTo(10);
        assertThat(p.riseWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.confirmWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(p.clearHoldOff()).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.timeZone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(p.variant()).isEqualTo(NesterovVariant.VN);
        assertThat(p.levelsOf("forest-107-a")).isEqualTo(FireDangerLevels.NATIONAL);
        assertThat(p.fireProvenance())
                .isEqualTo("forest-fire/v1 smoke=50ppm co=30ppm rise=10C/10m confirm=15m hold=30m");
        assertThat(p.dangerProvenance("forest-107-a"))
                .isEqualTo(
                        "forest-danger/v1 nesterov=vn reset=5mm levels=1000/2500/5000/10000"
                                + " tz=Asia/Ho_Chi_Minh");
    }

    @Test
    void everyKeyOverrides() {
        ForestParams p =
                ForestParams.from(
                        Settings.of(
                                Map.ofEntries(
                                        Map.entry("detection.forest.smoke-ppm", "80"),
                                        Map.entry("detection.forest.co-ppm", "40"),
                                        Map.entry("detection.forest.temperature-rise-c", "8"),
                                        Map.entry("detection.forest.temperature-rise-window", "5m"),
                                        Map.entry("detection.forest.confirm-window", "20m"),
                                        Map.entry("detection.forest.clear-hold-off", "1h"),
                                        Map.entry("detection.forest.timezone", "Asia/Bangkok"),
                                        Map.entry("detection.forest.nesterov-variant", "ru"),
                                        Map.entry(
                                                "detection.forest.nesterov-thresholds",
                                                "5000,10000,15000,20000"),
                                        Map.entry(
                                                "detection.forest.nesterov-zone-thresholds",
                                                "forest-107-a:2000,4000,8000,16000;"
                                                        + " forest-105-b:1/2/3/4"),
                                        Map.entry(
                                                "detection.forest.nesterov-observation-tolerance",
                                                "3h"),
                                        Map.entry(
                                                "detection.forest.nesterov-forget-after", "10d"))));

        assertThat(p)
                .isEqualTo(
                        new ForestParams(
                                80,
                                40,
                                8,
                                Duration.ofMinutes(5),
                                Duration.ofMinutes(20),
                                Duration.ofHours(1),
                                ZoneId.of("Asia/Bangkok"),
                                NesterovVariant.RU,
                                FireDangerLevels.parse("5000/10000/15000/20000"),
                                Map.of(
                                        "forest-107-a",
                                        FireDangerLevels.parse("2000,4000,8000,16000"),
                                        "forest-105-b",
                                        FireDangerLevels.parse("1,2,3,4")),
                                Duration.ofHours(3),
                                Duration.ofDays(10)));
        assertThat(p.levelsOf("forest-107-a").level(5000)).isEqualTo(3);
        assertThat(p.levelsOf("forest-109-b").level(5000)).isEqualTo(1); // the default table
    }

    @Test
    void badThresholdTablesAreRefused() {
        assertThatThrownBy(
                        () ->
                                ForestParams.from(
                                        Settings.of(
                                                Map.of(
                                                        "detection.forest.nesterov-thresholds",
                                                        "1000,900,5000,10000"))))
                .hasMessageContaining("must increase");
        assertThatThrownBy(
                        () ->
                                ForestParams.from(
                                        Settings.of(
                                                Map.of(
                                                        "detection.forest.nesterov-zone-thresholds",
                                                        "1000,2500,5000,10000"))))
                .hasMessageContaining("zoneId:t1,t2,t3,t4");
    }
}
