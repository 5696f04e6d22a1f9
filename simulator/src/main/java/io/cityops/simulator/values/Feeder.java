package io.cityops.simulator.values;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One distribution transformer's low-voltage side, shared by its meters: the voltage it sends out,
 * the grid frequency, and the power its customers currently draw (which the transformer meter
 * sums).
 */
public final class Feeder {
    /** EVN phase voltage (DOMAIN.md); the simulated grid keeps within ±2 % of it. */
    public static final double NOMINAL_V = 220;

    public static final double MIN_V = NOMINAL_V * 0.98;
    public static final double MAX_V = NOMINAL_V * 1.02;

    /** Within this of a bound, {@link #clampVoltage} bends the voltage rather than cutting it. */
    private static final double SOFT_V = 1.0;

    private final Wander voltageNoise;
    private final Wander frequency;
    private final List<CustomerMeterModel> customers = new ArrayList<>();

    /**
     * @param frequency the grid's frequency deviation from 50 Hz, shared by every feeder
     */
    public Feeder(SplittableRandom random, Wander frequency) {
        this.voltageNoise = new Wander(random, 1.0, Duration.ofMinutes(30));
        this.frequency = frequency;
    }

    /** A frequency deviation for a whole grid: 50 ± 0.05 Hz, drifting over minutes. */
    public static Wander gridFrequency(SplittableRandom random) {
        return new Wander(random, 0.015, Duration.ofMinutes(5));
    }

    /** Voltage at the transformer's terminals; taps are set a little high to offset line drop. */
    public double sendingVoltage(Instant t) {
        return clampVoltage(223 + voltageNoise.at(t));
    }

    public double frequencyHz(Instant t) {
        return 50 + Math.max(-0.045, Math.min(0.045, frequency.at(t)));
    }

    void register(CustomerMeterModel customer) {
        customers.add(customer);
    }

    /** What the customers drew at their latest readings, in W (0 for those without supply). */
    public double customerPowerW() {
        double sum = 0;
        for (CustomerMeterModel c : customers) {
            sum += c.deliveredPowerW();
        }
        return sum;
    }

    /**
     * Keeps {@code v} within ±2 % of nominal: unchanged up to 1 V from either bound, then bent
     * smoothly towards the bound without reaching it. A hard clamp would repeat the bound reading
     * after reading, which the sensor-health detector rightly calls a stuck meter.
     */
    static double clampVoltage(double v) {
        if (v > MAX_V - SOFT_V) {
            return MAX_V - SOFT_V + SOFT_V * Math.tanh((v - MAX_V + SOFT_V) / SOFT_V);
        }
        if (v < MIN_V + SOFT_V) {
            return MIN_V + SOFT_V + SOFT_V * Math.tanh((v - MIN_V - SOFT_V) / SOFT_V);
        }
        return v;
    }
}
