package io.cityops.simulator.incidents;

import io.cityops.model.Metric;
import io.cityops.model.city.District;
import io.cityops.model.city.RiverStation;
import io.cityops.model.city.Sensor;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A cloudburst over one rain gauge: {@code totalMm} of rain (more than the 50 mm in one hour of the
 * steep districts' threshold, less than the 100 mm in three hours of the next) falls within ten
 * minutes, heaviest in the middle, then the shower passes. When the district has a river station,
 * its level starts rising two minutes in, crests at {@link #RIVER_RISE_SHARE} of the way from its
 * normal level up to alarm level I at 15 minutes, and is back 10 minutes later: a visible response
 * that raises no flood alarm. Time is compressed like every scripted incident.
 *
 * <p>A gauge reports the rain since its previous report, so this incident remembers, per gauge, how
 * far into the burst that report was.
 */
public final class RainBurst implements Incident {
    static final double RAIN_S = 600;
    static final double RIVER_RISE_SHARE = 0.6;
    private static final double RIVER_FROM_S = 120;
    private static final double RIVER_CREST_S = 900;
    private static final double RIVER_BACK_S = 1500;

    private final District district;
    private final String gaugeId;
    private final double totalMm;
    private final RiverStation river;
    private final String riverGaugeId;
    private final Map<String, Double> reportedUpToS = new HashMap<>();

    /**
     * @param river the district's river station, or null
     * @param riverGaugeId its gauge, or null
     */
    public RainBurst(
            District district,
            String gaugeId,
            double totalMm,
            RiverStation river,
            String riverGaugeId) {
        if ((river == null) != (riverGaugeId == null)) {
            throw new IllegalArgumentException("a river station comes with its gauge");
        }
        this.district = district;
        this.gaugeId = gaugeId;
        this.totalMm = totalMm;
        this.river = river;
        this.riverGaugeId = riverGaugeId;
    }

    public String gaugeId() {
        return gaugeId;
    }

    /** The river gauge that rises after the rain, if the district has one. */
    public Optional<String> riverGaugeId() {
        return Optional.ofNullable(riverGaugeId);
    }

    public double totalMm() {
        return totalMm;
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.RAIN_BURST;
    }

    @Override
    public String description() {
        String s =
                String.format(
                        java.util.Locale.ROOT,
                        "rain burst in %s (%s) at %s: %.0f mm within %d min",
                        district.name(),
                        district.id(),
                        gaugeId,
                        totalMm,
                        (long) RAIN_S / 60);
        return river == null
                ? s
                : s + ", " + river.name() + " (" + river.id() + ") rising below level I";
    }

    @Override
    public Duration duration() {
        return Duration.ofSeconds((long) (river == null ? RAIN_S : RIVER_BACK_S));
    }

    @Override
    public Set<String> sensorIds() {
        Set<String> ids = new HashSet<>();
        ids.add(gaugeId);
        if (riverGaugeId != null) {
            ids.add(riverGaugeId);
        }
        return Set.copyOf(ids);
    }

    /** Rain fallen from the start until {@code t} seconds in. */
    double fallenMm(double t) {
        return totalMm * Shape.smoothstep(t / RAIN_S);
    }

    @Override
    public Map<Metric, Double> adjust(Sensor sensor, Duration elapsed, Map<Metric, Double> normal) {
        double t = Shape.seconds(elapsed);
        Map<Metric, Double> m = new HashMap<>(normal);
        if (sensor.id().equals(gaugeId)) {
            double before = reportedUpToS.getOrDefault(gaugeId, 0.0);
            reportedUpToS.put(gaugeId, Math.max(before, t));
            double burst = Math.max(0, fallenMm(t) - fallenMm(before));
            m.merge(Metric.RAINFALL_MM, burst, Double::sum);
        } else if (sensor.id().equals(riverGaugeId)) {
            m.computeIfPresent(
                    Metric.WATER_LEVEL_CM,
                    (k, v) -> v + riverRise(t) * Math.max(0, river.level1Cm() - v));
        }
        return m;
    }

    /** Share of the way from the normal level to level I the river has risen {@code t} s in. */
    static double riverRise(double t) {
        if (t <= RIVER_CREST_S) {
            return RIVER_RISE_SHARE
                    * Shape.smoothstep((t - RIVER_FROM_S) / (RIVER_CREST_S - RIVER_FROM_S));
        }
        return RIVER_RISE_SHARE
                * (1 - Shape.smoothstep((t - RIVER_CREST_S) / (RIVER_BACK_S - RIVER_CREST_S)));
    }
}
