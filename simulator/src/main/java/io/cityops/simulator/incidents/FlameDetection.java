package io.cityops.simulator.incidents;

import io.cityops.model.Metric;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.Zone;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The forest fire's variant seen by a flame (IR) sensor: a spot fire right by one station, which
 * reports {@code flame} = 1 from 15 s in — enough on its own to confirm a fire — while its smoke
 * (up to 120 ppm) and heat (+5 °C) stay short of what would confirm it without the flame sensor. No
 * second station sees it. The flames are out after five minutes; the smoke clears over two more.
 * The station reports every 15 s in alarm mode, {@code flame} = 0 when it sees none.
 */
public final class FlameDetection implements Incident {
    static final double FLAME_FROM_S = 15;
    static final double FLAME_UNTIL_S = 300;
    private static final double OUT_OVER_S = 120;

    private final Zone zone;
    private final String stationId;

    public FlameDetection(Zone zone, String stationId) {
        this.zone = zone;
        this.stationId = stationId;
    }

    public String stationId() {
        return stationId;
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.FLAME_DETECTION;
    }

    @Override
    public String description() {
        return "forest fire seen by the flame sensor of "
                + stationId
                + " in "
                + zone.name()
                + " ("
                + zone.id()
                + ")";
    }

    @Override
    public Duration duration() {
        return Duration.ofSeconds((long) (FLAME_UNTIL_S + OUT_OVER_S));
    }

    @Override
    public Set<String> sensorIds() {
        return Set.of(stationId);
    }

    @Override
    public Map<Metric, Double> adjust(Sensor sensor, Duration elapsed, Map<Metric, Double> normal) {
        double t = Shape.seconds(elapsed);
        double dying =
                t < FLAME_UNTIL_S ? 1 : 1 - Shape.smoothstep((t - FLAME_UNTIL_S) / OUT_OVER_S);
        Map<Metric, Double> m =
                ForestFire.burn(
                        normal,
                        5 * Shape.smoothstep(t / 120) * dying,
                        120 * Shape.smoothstep(t / 90) * dying,
                        20 * Shape.smoothstep(t / 90) * dying);
        m.put(Metric.FLAME, t >= FLAME_FROM_S && t < FLAME_UNTIL_S ? 1.0 : 0.0);
        return m;
    }

    @Override
    public Optional<Duration> reportEvery(Sensor sensor) {
        return Optional.of(Duration.ofSeconds(15));
    }
}
