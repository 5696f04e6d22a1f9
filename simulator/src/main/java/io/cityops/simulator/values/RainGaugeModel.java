package io.cityops.simulator.values;

import io.cityops.model.Metric;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/** A tipping-bucket rain gauge reporting the rain of each interval. */
public final class RainGaugeModel extends SuppliedModel {
    private final RainProcess rain;

    public RainGaugeModel(SplittableRandom random) {
        this.rain = new RainProcess(random);
    }

    @Override
    protected Map<Metric, Double> sample(Instant t) {
        Map<Metric, Double> m = new EnumMap<>(Metric.class);
        m.put(Metric.RAINFALL_MM, rain.since(t));
        return m;
    }
}
