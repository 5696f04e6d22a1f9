package io.cityops.simulator.values;

import io.cityops.model.Metric;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What one simulated instrument measures at a given instant: the pure, MQTT-free heart of a
 * simulated device. Implementations keep their own seeded noise state, so the same seed and the
 * same sequence of instants give the same values.
 */
public interface ValueModel {

    /**
     * The values the instrument reports at {@code t}, as a fresh map the caller may change, or
     * empty when the device cannot report (it has no supply). Instants must not go backwards.
     */
    Optional<Map<Metric, Double>> next(Instant t, Supply supply);
}
