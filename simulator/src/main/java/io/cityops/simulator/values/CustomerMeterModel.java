package io.cityops.simulator.values;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A single-phase household meter: a base load with morning and (larger) evening peaks, the voltage
 * of its feeder less its own line drop, and a fixed power factor.
 */
public final class CustomerMeterModel extends Meter {
    private final Feeder feeder;
    private final SplittableRandom random;
    private final double baseW;
    private final double morningW;
    private final double eveningW;
    private final double lineDropV;
    private final double powerFactor;
    private final Wander loadNoise;

    public CustomerMeterModel(SplittableRandom random, Feeder feeder) {
        super(1e6 + 2.9e7 * random.nextDouble()); // a register of 1–30 MWh
        this.feeder = feeder;
        this.random = random;
        this.baseW = 80 + 170 * random.nextDouble();
        this.morningW = 200 + 500 * random.nextDouble();
        this.eveningW = 600 + 1400 * random.nextDouble();
        this.lineDropV = 2 * random.nextDouble();
        this.powerFactor = 0.88 + 0.09 * random.nextDouble();
        this.loadNoise = new Wander(random, 0.25, Duration.ofMinutes(10));
        feeder.register(this);
    }

    @Override
    protected Load load(Instant t) {
        double shape =
                baseW
                        + morningW * Diurnal.bump(t, 6.5, 1.0)
                        + 0.3 * eveningW * Diurnal.bump(t, 12, 1.0)
                        + eveningW * Diurnal.bump(t, 19.5, 1.8);
        double power = shape * Math.exp(loadNoise.at(t));
        double voltage =
                Feeder.clampVoltage(
                        feeder.sendingVoltage(t) - lineDropV + 0.3 * random.nextGaussian());
        return new Load(voltage, power / (voltage * powerFactor), feeder.frequencyHz(t), power);
    }
}
