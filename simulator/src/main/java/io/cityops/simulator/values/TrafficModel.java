package io.cityops.simulator.values;

import io.cityops.model.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A loop/radar detector on a road segment: demand follows a working day with morning and evening
 * rush hours, speed falls from the segment's free-flow speed as demand rises, and occupancy follows
 * from flow and speed (occupancy ≈ flow × effective vehicle length / speed).
 */
public final class TrafficModel extends SuppliedModel {
    // Mean vehicle length plus detection zone; short because motorbikes dominate Vietnamese
    // traffic.
    private static final double EFFECTIVE_LENGTH_KM = 0.0055;

    private final SplittableRandom random;
    private final double freeFlowKmh;
    private final double capacityVehPerHour;
    private final Duration heartbeat;
    private final Wander demandNoise;
    private final Wander speedNoise;
    private Instant last;

    public TrafficModel(SplittableRandom random, double freeFlowKmh, Duration heartbeat) {
        this.random = random;
        this.freeFlowKmh = freeFlowKmh;
        this.capacityVehPerHour = 700 + 500 * random.nextDouble();
        this.heartbeat = heartbeat;
        this.demandNoise = new Wander(random, 0.12, Duration.ofMinutes(15));
        this.speedNoise = new Wander(random, 0.04, Duration.ofMinutes(3));
    }

    /**
     * Share of capacity wanted at {@code t}, before noise: low at night, peaks at 07:15 and 17:30.
     */
    static double demand(Instant t) {
        double h = Diurnal.hour(t);
        double daytime = 1 / (1 + Math.exp(-2 * (h - 6))) / (1 + Math.exp(2 * (h - 21.5)));
        return 0.04
                + 0.30 * daytime
                + 0.55 * Diurnal.bump(t, 7.25, 1.0)
                + 0.65 * Diurnal.bump(t, 17.5, 1.3)
                + 0.15 * Diurnal.bump(t, 11.5, 1.5);
    }

    @Override
    protected Map<Metric, Double> sample(Instant t) {
        double seconds =
                last == null
                        ? heartbeat.toMillis() / 1000.0
                        : Duration.between(last, t).toMillis() / 1000.0;
        last = t;
        double d = Math.max(0.02, Math.min(1.0, demand(t) * Math.exp(demandNoise.at(t))));
        double speed =
                freeFlowKmh
                        * (1 - 0.5 * d * d)
                        * (1 + speedNoise.at(t) + 0.02 * random.nextGaussian());
        speed = Math.max(3, speed);
        double flow = capacityVehPerHour * d;
        double expected = flow * seconds / 3600;
        double count =
                Math.max(0, Math.rint(expected + Math.sqrt(expected) * random.nextGaussian()));
        double occupancy =
                flow * EFFECTIVE_LENGTH_KM / speed * 100 * (1 + 0.08 * random.nextGaussian());
        Map<Metric, Double> m = new EnumMap<>(Metric.class);
        m.put(Metric.SPEED_KMH, speed);
        m.put(Metric.OCCUPANCY, Math.max(0, Math.min(100, occupancy)));
        m.put(Metric.VEHICLE_COUNT, count);
        return m;
    }

    public double freeFlowKmh() {
        return freeFlowKmh;
    }
}
