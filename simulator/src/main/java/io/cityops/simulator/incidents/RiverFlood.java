package io.cityops.simulator.incidents;

import io.cityops.model.Metric;
import io.cityops.model.city.RiverStation;
import io.cityops.model.city.Sensor;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A flood wave at one river station, as after a hydropower release upstream: the level surges past
 * alarm level I within 20 s, passes II at 90 s (and III at 150 s when {@code topLevel} is 3), holds
 * a minute, then falls back to its normal level over two minutes and stays there. Time is
 * compressed so an operator sees the whole cycle (alert raised, then cleared) in about five
 * minutes; the gauge reports every 10 s meanwhile, as gauges do in alarm mode.
 */
public final class RiverFlood implements Incident {
    static final double OVERSHOOT_CM = 15;
    private static final double FIRST_CROSSING_S = 20;
    private static final double CROSSING_EVERY_S = 70;
    private static final double HOLD_S = 60;
    private static final double FALL_S = 120;

    private final RiverStation station;
    private final String gaugeId;
    private final int topLevel;
    private final double peakAtS;

    public RiverFlood(RiverStation station, String gaugeId, int topLevel) {
        if (topLevel < 1 || topLevel > 3) {
            throw new IllegalArgumentException("alarm levels are 1..3, not " + topLevel);
        }
        this.station = station;
        this.gaugeId = gaugeId;
        this.topLevel = topLevel;
        this.peakAtS = FIRST_CROSSING_S + CROSSING_EVERY_S * (topLevel - 1);
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.RIVER_FLOOD;
    }

    @Override
    public String description() {
        return "river flood at "
                + station.name()
                + " ("
                + station.id()
                + ") rising to level "
                + "I".repeat(topLevel);
    }

    @Override
    public Duration duration() {
        return Duration.ofMillis((long) ((peakAtS + HOLD_S + FALL_S) * 1000));
    }

    @Override
    public Set<String> sensorIds() {
        return Set.of(gaugeId);
    }

    public int topLevel() {
        return topLevel;
    }

    @Override
    public Map<Metric, Double> adjust(Sensor sensor, Duration elapsed, Map<Metric, Double> normal) {
        Map<Metric, Double> m = new HashMap<>(normal);
        m.computeIfPresent(Metric.WATER_LEVEL_CM, (k, v) -> level(v, Shape.seconds(elapsed)));
        return m;
    }

    /** The level {@code t} seconds in, given where the river would otherwise be. */
    double level(double normal, double t) {
        double peak = mark(topLevel);
        if (t <= FIRST_CROSSING_S) {
            return Shape.lerp(normal, mark(1), t / FIRST_CROSSING_S);
        }
        if (t <= peakAtS) {
            int below = 1 + (int) ((t - FIRST_CROSSING_S) / CROSSING_EVERY_S);
            double fraction =
                    (t - FIRST_CROSSING_S - (below - 1) * CROSSING_EVERY_S) / CROSSING_EVERY_S;
            return Shape.lerp(mark(below), mark(Math.min(topLevel, below + 1)), fraction);
        }
        if (t <= peakAtS + HOLD_S) {
            return peak
                    + 3
                            * Math.sin(
                                    (t - peakAtS)
                                            / 7); // a crest that still moves, not a stuck gauge
        }
        return Shape.lerp(peak, normal, Shape.smoothstep((t - peakAtS - HOLD_S) / FALL_S));
    }

    private double mark(int level) {
        return station.thresholdCm(level) + OVERSHOOT_CM;
    }

    @Override
    public Optional<Duration> reportEvery(Sensor sensor) {
        return Optional.of(Duration.ofSeconds(10));
    }
}
