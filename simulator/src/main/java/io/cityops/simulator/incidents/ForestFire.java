package io.cityops.simulator.incidents;

import io.cityops.model.Metric;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.Zone;
import io.cityops.simulator.values.Magnus;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fire in a forest zone, seen first by one station (smoke and CO climbing, air 14 °C warmer
 * within three minutes, +10 °C by about two) and confirmed 90 s later by a second station of the
 * same zone downwind (less smoke, a few degrees). Held seven minutes, then put out over three. The
 * air's moisture is unchanged, so humidity falls as it heats and the dew point stays consistent.
 */
public final class ForestFire implements Incident {
    private static final double CONFIRM_AFTER_S = 90;
    private static final double OUT_FROM_S = 420;
    private static final double OUT_OVER_S = 180;

    private final Zone zone;
    private final String firstId;
    private final String secondId;

    public ForestFire(Zone zone, String firstStationId, String secondStationId) {
        this.zone = zone;
        this.firstId = firstStationId;
        this.secondId = secondStationId;
    }

    /** The station that sees the fire first. */
    public String firstStationId() {
        return firstId;
    }

    /** The station of the same zone that confirms it. */
    public String secondStationId() {
        return secondId;
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.FOREST_FIRE;
    }

    @Override
    public String description() {
        return "forest fire in "
                + zone.name()
                + " ("
                + zone.id()
                + ") at "
                + firstId
                + ", confirmed by "
                + secondId;
    }

    @Override
    public Duration duration() {
        return Duration.ofSeconds((long) (OUT_FROM_S + OUT_OVER_S));
    }

    @Override
    public Set<String> sensorIds() {
        return Set.of(firstId, secondId);
    }

    @Override
    public Map<Metric, Double> adjust(Sensor sensor, Duration elapsed, Map<Metric, Double> normal) {
        double t = Shape.seconds(elapsed);
        double dying = t < OUT_FROM_S ? 1 : 1 - Shape.smoothstep((t - OUT_FROM_S) / OUT_OVER_S);
        if (sensor.id().equals(firstId)) {
            return burn(
                    normal,
                    14 * Shape.smoothstep(t / 180) * dying,
                    450 * Shape.smoothstep(t / 120) * dying,
                    80 * Shape.smoothstep(t / 120) * dying);
        }
        double s = t - CONFIRM_AFTER_S;
        return burn(
                normal,
                4 * Shape.smoothstep(s / 120) * dying,
                180 * Shape.smoothstep(s / 90) * dying,
                30 * Shape.smoothstep(s / 90) * dying);
    }

    /** The station's values with a fire's heat, smoke and CO added, moisture unchanged. */
    static Map<Metric, Double> burn(
            Map<Metric, Double> normal, double heatC, double smokePpm, double coPpm) {
        Map<Metric, Double> m = new HashMap<>(normal);
        double temperature = normal.get(Metric.TEMPERATURE_C) + heatC;
        double humidity =
                Math.max(5, Magnus.humidityPct(temperature, normal.get(Metric.DEW_POINT_C)));
        m.put(Metric.TEMPERATURE_C, temperature);
        m.put(Metric.HUMIDITY_PCT, humidity);
        m.put(Metric.DEW_POINT_C, Magnus.dewPointC(temperature, humidity));
        m.merge(Metric.SMOKE_PPM, smokePpm, Double::sum);
        m.merge(Metric.CO_PPM, coPpm, Double::sum);
        return m;
    }

    @Override
    public Optional<Duration> reportEvery(Sensor sensor) {
        return Optional.of(Duration.ofSeconds(15));
    }
}
