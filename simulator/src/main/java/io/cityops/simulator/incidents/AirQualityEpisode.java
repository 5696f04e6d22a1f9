package io.cityops.simulator.incidents;

import io.cityops.model.Metric;
import io.cityops.model.city.District;
import io.cityops.model.city.Sensor;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A pollution episode over one district (field burning under an inversion): PM2.5 climbs over four
 * minutes to about {@code peakPm25} µg/m³ — VN_AQI "bad" (Xấu) above 80, PM10 in "poor" (Kém) —
 * stays ten minutes, and clears over four. Compressed in time so the episode is seen in a demo.
 */
public final class AirQualityEpisode implements Incident {
    private static final double RISE_S = 240;
    private static final double CLEAR_FROM_S = 840;
    private static final double CLEAR_OVER_S = 240;
    private static final double TYPICAL_PM25 = 30;

    private final District district;
    private final Set<String> stationIds;
    private final double peakPm25;

    public AirQualityEpisode(District district, Set<String> stationIds, double peakPm25) {
        this.district = district;
        this.stationIds = Set.copyOf(stationIds);
        this.peakPm25 = peakPm25;
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.AIR_QUALITY_EPISODE;
    }

    @Override
    public String description() {
        return String.format(
                "air-quality episode in %s (%s): PM2.5 up to about %.0f µg/m³ at %d stations",
                district.name(), district.id(), peakPm25, stationIds.size());
    }

    @Override
    public Duration duration() {
        return Duration.ofSeconds((long) (CLEAR_FROM_S + CLEAR_OVER_S));
    }

    @Override
    public Set<String> sensorIds() {
        return stationIds;
    }

    @Override
    public Map<Metric, Double> adjust(Sensor sensor, Duration elapsed, Map<Metric, Double> normal) {
        double r = Shape.envelope(Shape.seconds(elapsed), RISE_S, CLEAR_FROM_S, CLEAR_OVER_S);
        double extra = r * (peakPm25 - TYPICAL_PM25);
        Map<Metric, Double> m = new HashMap<>(normal);
        m.merge(Metric.PM25, extra, Double::sum);
        m.merge(
                Metric.PM10,
                1.8 * extra,
                Double::sum); // smoke is mostly fine; coarse dust rises less
        return m;
    }
}
