package io.cityops.simulator.values;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Rain at one place as showers that start and stop at random (more often in the rainy season),
 * measured the way a tipping-bucket gauge does: in whole tips of 0.2 mm.
 */
public final class RainProcess {
    private static final double TIP_MM = 0.2;
    private static final double MEAN_SHOWER_HOURS = 1.5;

    private final SplittableRandom random;
    private boolean raining;
    private double intensityMmPerHour;
    private double bucketMm;
    private Instant last;

    public RainProcess(SplittableRandom random) {
        this.random = random;
    }

    /** Whether it was raining at the last call to {@link #since}. */
    public boolean raining() {
        return raining;
    }

    /** Rain in mm since the previous call (0 on the first), in whole tips. */
    public double since(Instant t) {
        double hours =
                last == null || !t.isAfter(last) ? 0 : Duration.between(last, t).toMillis() / 3.6e6;
        if (last == null || t.isAfter(last)) {
            last = t;
        }
        if (hours == 0) {
            return 0;
        }
        if (raining) {
            bucketMm += intensityMmPerHour * hours;
            raining = random.nextDouble() >= 1 - Math.exp(-hours / MEAN_SHOWER_HOURS);
        } else {
            double startsPerHour = Diurnal.rainySeason(last) ? 0.12 : 0.03;
            if (random.nextDouble() < 1 - Math.exp(-hours * startsPerHour)) {
                raining = true;
                // Log-normal showers: median 2.5 mm/h, a heavy one now and then, never a
                // cloudburst.
                intensityMmPerHour = Math.min(60, 2.5 * Math.exp(0.9 * random.nextGaussian()));
            }
        }
        double tips = Math.floor(bucketMm / TIP_MM);
        bucketMm -= tips * TIP_MM;
        return tips * TIP_MM;
    }
}
