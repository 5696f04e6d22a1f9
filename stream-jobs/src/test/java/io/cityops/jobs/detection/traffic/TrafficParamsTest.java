package io.cityops.jobs.detection.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cityops.model.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficParamsTest {
    @Test
    void defaultsAreDomainMds() {
        TrafficParams p = TrafficParams.from(Settings.of(Map.of()));

        assertThat(p).isEqualTo(TrafficParams.DEFAULTS);
        assertThat(p.freeRatio()).isEqualTo(0.75);
        assertThat(p.slowRatio()).isEqualTo(0.5);
        assertThat(p.jamRatio()).isEqualTo(0.25);
        assertThat(p.jamOccupancyPct()).isEqualTo(30);
        assertThat(p.window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.confirmSlides()).isEqualTo(2);
        assertThat(p.jamOccupancyClearMarginPct()).isEqualTo(3);
        assertThat(p.forgetAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.occdfPct()).isEqualTo(8);
        assertThat(p.occrdf()).isEqualTo(0.5);
        assertThat(p.docctd()).isEqualTo(0.3);
        assertThat(p.persistenceMinutes()).isEqualTo(2);
        assertThat(p.waveOccupancyPct()).isEqualTo(30);
        assertThat(p.waveSuppressMinutes()).isEqualTo(5);
    }

    @Test
    void everyThresholdIsConfiguration() {
        TrafficParams p =
                TrafficParams.from(
                        Settings.of(
                                Map.of(
                                        "detection.traffic.slow-ratio", "0.45",
                                        "detection.traffic.window", "10m",
                                        "detection.traffic.jam-occupancy-clear-margin-pct", "5",
                                        "detection.traffic.forget-after", "45m",
                                        "detection.traffic.incident.occdf-pct", "12",
                                        "detection.traffic.incident.wave-suppress-minutes", "3")));

        assertThat(p.slowRatio()).isEqualTo(0.45);
        assertThat(p.windowMinutes()).isEqualTo(10);
        assertThat(p.jamOccupancyClearMarginPct()).isEqualTo(5);
        assertThat(p.forgetAfter()).isEqualTo(Duration.ofMinutes(45));
        assertThat(p.occdfPct()).isEqualTo(12);
        assertThat(p.waveSuppressMinutes()).isEqualTo(3);
        assertThat(p.congestionProvenance()).isEqualTo("traffic-congestion/v1 window=10m slide=1m");
        assertThat(p.incidentProvenance())
                .isEqualTo(
                        "traffic-incident/california-7+8 t1=12 t2=0.5 t3=0.3 persist=2m wave=30%/3m");
    }

    @Test
    void ratiosOutOfOrderOrPartMinuteWindowsAreRejected() {
        assertThatThrownBy(
                        () ->
                                TrafficParams.from(
                                        Settings.of(Map.of("detection.traffic.jam-ratio", "0.6"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jam < slow < free");
        assertThatThrownBy(
                        () ->
                                TrafficParams.from(
                                        Settings.of(Map.of("detection.traffic.window", "90s"))))
                .hasMessageContaining("whole minutes");
    }
}
