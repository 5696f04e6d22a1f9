package io.cityops.jobs.detection.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cityops.jobs.detection.air.AirParams;
import io.cityops.jobs.detection.air.AqiStandardId;
import io.cityops.jobs.detection.rain.RainParams;
import io.cityops.jobs.detection.rain.RainThresholds;
import io.cityops.model.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code detection.air.*} and {@code detection.rain.*} with DOMAIN.md's defaults. */
class EnvironmentParamsTest {
    @Test
    void defaultsComeFromDomainMd() {
        EnvironmentParams p = EnvironmentParams.from(Settings.of(Map.of()));
        assertThat(p).isEqualTo(EnvironmentParams.DEFAULTS);
        assertThat(p.air().standard()).isEqualTo(AqiStandardId.VN);
        assertThat(p.air().raiseAboveAqi()).isEqualTo(150);
        assertThat(p.air().clearHoldOff()).isEqualTo(Duration.ofHours(1));
        assertThat(p.rain().thresholds()).isEqualTo(new RainThresholds(50, 100, 150));
        assertThat(p.rain().bucket()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void everyKeyIsRead() {
        EnvironmentParams p =
                EnvironmentParams.from(
                        Settings.of(
                                Map.of(
                                        AirParams.STANDARD, "epa",
                                        AirParams.RAISE_ABOVE_AQI, "100",
                                        AirParams.CLEAR_HOLD_OFF, "2h",
                                        AirParams.DAY_ZONE, "UTC",
                                        RainParams.THRESHOLD_1H, "40",
                                        RainParams.THRESHOLD_3H, "80",
                                        RainParams.THRESHOLD_24H, "120",
                                        RainParams.DISTRICT_THRESHOLDS,
                                                "107:60/120/180, 105:30/60/90",
                                        RainParams.CLEAR_MARGIN, "0.1",
                                        RainParams.BUCKET, "5m")));
        assertThat(p.air())
                .isEqualTo(new AirParams(AqiStandardId.EPA, 100, Duration.ofHours(2), "UTC"));
        assertThat(p.rain().thresholdsFor("106")).isEqualTo(new RainThresholds(40, 80, 120));
        assertThat(p.rain().thresholdsFor("107")).isEqualTo(new RainThresholds(60, 120, 180));
        assertThat(p.rain().thresholdsFor("105")).isEqualTo(new RainThresholds(30, 60, 90));
        assertThat(p.rain().clearMargin()).isEqualTo(0.1);
        assertThat(p.rain().bucket()).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.air().provenance()).isEqualTo("air-aqi/v1 standard=epa above=100 hold=120m");
        assertThat(p.rain().provenance()).isEqualTo("rain-accumulation/v1 bucket=5m margin=10%");
    }

    @Test
    void nonsenseIsRefusedAtStartUp() {
        assertThatThrownBy(() -> AirParams.from(Settings.of(Map.of(AirParams.STANDARD, "who"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RainParams.from(Settings.of(Map.of(RainParams.BUCKET, "7m"))))
                .hasMessageContaining("divide an hour");
        assertThatThrownBy(
                        () ->
                                RainParams.from(
                                        Settings.of(
                                                Map.of(RainParams.DISTRICT_THRESHOLDS, "107=1"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                AirParams.from(
                                        Settings.of(Map.of(AirParams.DAY_ZONE, "Mars/Olympus"))))
                .isInstanceOf(RuntimeException.class);
    }
}
