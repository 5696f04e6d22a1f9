package io.cityops.simulator.incidents;

import io.cityops.model.Metric;
import io.cityops.model.city.District;
import io.cityops.model.city.Sensor;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A pollution episode over one district (field burning under an inversion), compressed in time so
 * it is seen in a demo: PM2.5 climbs over four minutes, stays fourteen, and clears over four. The
 * detectors rate air by the hour (VN_AQI: NowCast of hourly means, which halves a one-hour spike),
 * so the short plume carries {@link #COMPRESSION} times the excess of an episode at {@code
 * peakPm25}: several hundred µg/m³ at the stations for a quarter of an hour, which puts the hour's
 * NowCast above 80.7 µg/m³ — hourly AQI above 150, "Xấu"/bad — however the plume straddles the
 * clock hour.
 */
public final class AirQualityEpisode implements Incident {
    private static final double RISE_S = 240;
    private static final double CLEAR_FROM_S = 1080;
    private static final double CLEAR_OVER_S = 240;
    private static final double TYPICAL_PM25 = 30;

    /**
     * Excess multiplier of the compressed plume. 10 keeps the hourly AQI of the smallest picked
     * episode (peak 100) above 150 even in the clean rainy season (background ~16 µg/m³) and when
     * the plume is split between two clock hours (worst case computed: 156).
     */
    static final double COMPRESSION = 10;

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
                "air-quality episode in %s (%s): PM2.5 plume up to about %.0f µg/m³ at %d"
                        + " stations",
                district.name(),
                district.id(),
                TYPICAL_PM25 + (peakPm25 - TYPICAL_PM25) * COMPRESSION,
                stationIds.size());
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
        double extra = r * (peakPm25 - TYPICAL_PM25) * COMPRESSION;
        Map<Metric, Double> m = new HashMap<>(normal);
        m.merge(Metric.PM25, extra, Double::sum);
        m.merge(
                Metric.PM10,
                1.8 * extra,
                Double::sum); // smoke is mostly fine; coarse dust rises less
        return m;
    }
}
