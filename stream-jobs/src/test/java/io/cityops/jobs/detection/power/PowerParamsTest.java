package io.cityops.jobs.detection.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cityops.model.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration keys and their DOMAIN.md defaults. */
class PowerParamsTest {
    @Test
    void defaultsComeFromDomainNotes() {
        PowerParams p = PowerParams.from(Settings.of(Map.of()));

        assertThat(p).isEqualTo(PowerParams.DEFAULTS);
        assertThat(p.nominalVoltageV()).isEqualTo(220);
        assertThat(p.lowVoltageV()).isEqualTo(209);
        assertThat(p.highVoltageV()).isEqualTo(231);
        assertThat(p.outageShare()).isEqualTo(0.6);
        assertThat(p.outageWindow()).isEqualTo(Duration.ofMinutes(2));
        assertThat(p.lossShare()).isEqualTo(0.12);
        assertThat(p.lossHours()).isEqualTo(3);
    }

    @Test
    void keysOverrideDefaults() {
        PowerParams p =
                PowerParams.from(
                        Settings.of(
                                Map.of(
                                        "detection.power.nominal-voltage-v", "230",
                                        "detection.power.outage-share", "0.7",
                                        "detection.power.loss-share", "0.08",
                                        "detection.power.voltage-min-duration", "10m")));

        assertThat(p.lowVoltageV()).isEqualTo(218.5);
        assertThat(p.outageShare()).isEqualTo(0.7);
        assertThat(p.lossShare()).isEqualTo(0.08);
        assertThat(p.voltageMinDuration()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(
                        () ->
                                PowerParams.from(
                                        Settings.of(Map.of("detection.power.outage-share", "1.5"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outage share");
    }
}
