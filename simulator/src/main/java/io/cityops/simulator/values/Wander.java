package io.cityops.simulator.values;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Slow, mean-reverting noise around zero (an Ornstein–Uhlenbeck process sampled exactly), so a
 * value drifts plausibly whatever the reporting interval: a faster reporting rate sees the same
 * process, only more often.
 */
public final class Wander {
    private final SplittableRandom random;
    private final double sigma;
    private final double tauSeconds;
    private double x;
    private Instant last;

    /**
     * @param sigma the stationary standard deviation
     * @param tau how long the process takes to forget (correlation time)
     */
    public Wander(SplittableRandom random, double sigma, Duration tau) {
        this.random = random;
        this.sigma = sigma;
        this.tauSeconds = tau.toMillis() / 1000.0;
        this.x = sigma * random.nextGaussian();
    }

    /** The value at {@code t}; asking twice for the same instant gives the same value. */
    public double at(Instant t) {
        if (last != null && t.isAfter(last)) {
            double dt = Duration.between(last, t).toMillis() / 1000.0;
            double phi = Math.exp(-dt / tauSeconds);
            x = phi * x + sigma * Math.sqrt(1 - phi * phi) * random.nextGaussian();
        }
        if (last == null || t.isAfter(last)) {
            last = t;
        }
        return x;
    }
}
