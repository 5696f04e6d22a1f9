package io.cityops.simulator.replay;

import java.util.Map;

/**
 * One recorded instant after cleaning: its recorded time and the metric values it yields (at least
 * one), in the metrics' own units.
 *
 * @param recordedAt epoch milliseconds, as recorded
 * @param metrics values by metric key
 */
public record Sample(long recordedAt, Map<String, Double> metrics) {
    public Sample {
        metrics = Map.copyOf(metrics);
    }
}
