package io.cityops.simulator.values;

import io.cityops.model.Metric;
import io.cityops.model.city.RiverStation;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A river gauge in normal times: the level sits 150–250 cm below the station's alarm level I, with
 * a small daily swing from upstream hydropower (generation peaks in the evening) and slow drift.
 */
public final class RiverLevelModel extends SuppliedModel {
    private final SplittableRandom random;
    private final double baselineCm;
    private final Wander drift;

    public RiverLevelModel(SplittableRandom random, RiverStation station) {
        this.random = random;
        this.baselineCm = station.level1Cm() - 150 - 100 * random.nextDouble();
        this.drift = new Wander(random, 6, Duration.ofHours(3));
    }

    /** The level the river returns to between incidents. */
    public double baselineCm() {
        return baselineCm;
    }

    @Override
    protected Map<Metric, Double> sample(Instant t) {
        // Bounded drift keeps normal times well clear of level I, so a cleared flood alert stays
        // cleared.
        double wander = Math.max(-25, Math.min(25, drift.at(t)));
        double level =
                baselineCm + 10 * Diurnal.cosine(t, 20) + wander + 0.3 * random.nextGaussian();
        Map<Metric, Double> m = new EnumMap<>(Metric.class);
        m.put(Metric.WATER_LEVEL_CM, level);
        return m;
    }
}
