package io.cityops.simulator.values;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The meter on a transformer's low-voltage side: what its customers draw plus 3–6 % technical
 * losses (so an energy-balance check finds a normal loss share), over three phases.
 */
public final class TransformerMeterModel extends Meter {
    private static final double POWER_FACTOR = 0.92;

    private final Feeder feeder;
    private final SplittableRandom random;
    private final double lossShare;
    private final Wander lossNoise;

    public TransformerMeterModel(SplittableRandom random, Feeder feeder) {
        super(5e7 + 2.5e8 * random.nextDouble());
        this.feeder = feeder;
        this.random = random;
        this.lossShare = 0.03 + 0.03 * random.nextDouble();
        this.lossNoise = new Wander(random, 0.005, Duration.ofMinutes(30));
    }

    @Override
    protected Load load(Instant t) {
        double loss = Math.max(0.01, lossShare + lossNoise.at(t));
        double power = feeder.customerPowerW() / (1 - loss);
        double voltage =
                Feeder.clampVoltage(feeder.sendingVoltage(t) + 0.2 * random.nextGaussian());
        return new Load(
                voltage, power / (3 * voltage * POWER_FACTOR), feeder.frequencyHz(t), power);
    }
}
