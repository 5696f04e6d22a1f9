package io.cityops.simulator.values;

import io.cityops.model.Metric;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Base of the instruments that simply fall silent without supply (everything but meters). */
abstract class SuppliedModel implements ValueModel {

    @Override
    public final Optional<Map<Metric, Double>> next(Instant t, Supply supply) {
        return supply == Supply.ON ? Optional.of(sample(t)) : Optional.empty();
    }

    protected abstract Map<Metric, Double> sample(Instant t);
}
