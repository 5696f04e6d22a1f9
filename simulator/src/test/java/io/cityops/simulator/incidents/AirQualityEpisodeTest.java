package io.cityops.simulator.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Metric;
import io.cityops.model.Reading;
import io.cityops.model.city.SensorKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AirQualityEpisodeTest {
    private final AirQualityEpisode episode =
            (AirQualityEpisode) Incidents.pick(IncidentKind.AIR_QUALITY_EPISODE, 2);
    private final List<Incidents.Step> minutes =
            Incidents.run(
                    episode,
                    s -> s.kind() == SensorKind.AIR_QUALITY_STATION,
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(25));

    @Test
    void particulatesOfTheDistrictReachBadAndPoorBandsWhileTheEpisodeHolds() {
        for (int minute = 5; minute <= 13; minute++) {
            for (String id : episode.sensorIds()) {
                Reading r = minutes.get(minute).readings().get(id);
                assertThat(r.value(Metric.PM25))
                        .as("PM2.5 (VN_AQI 'bad' above 80 µg/m³)")
                        .isGreaterThan(80);
                assertThat(r.value(Metric.PM10))
                        .as("PM10 (VN_AQI 'poor' above 150 µg/m³)")
                        .isGreaterThan(150);
            }
        }
    }

    @Test
    void otherDistrictsStayModerateAndTheEpisodeClears() {
        for (Incidents.Step step : minutes) {
            step.readings()
                    .forEach(
                            (id, r) -> {
                                if (!episode.sensorIds().contains(id)) {
                                    assertThat(r.value(Metric.PM25)).as(id).isLessThan(80);
                                }
                            });
        }
        episode.sensorIds()
                .forEach(
                        id ->
                                assertThat(
                                                minutes.get(minutes.size() - 1)
                                                        .readings()
                                                        .get(id)
                                                        .value(Metric.PM25))
                                        .isLessThan(80));
    }
}
