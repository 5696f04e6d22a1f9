package io.cityops.jobs.detection.aggregates;

import io.cityops.model.Domain;
import java.util.HashMap;
import java.util.Map;

/**
 * The running summary of one window: per metric the sum, count, minimum and maximum, and the number
 * of readings (a Flink POJO, the accumulator of {@link MetricStatsAggregator}). Its size grows with
 * the number of metrics, never with the number of readings.
 */
public class MetricStats {
    public long readings;
    public String districtId;
    public Domain domain;
    public Map<String, Double> sums = new HashMap<>();
    public Map<String, Long> counts = new HashMap<>();
    public Map<String, Double> mins = new HashMap<>();
    public Map<String, Double> maxs = new HashMap<>();

    public MetricStats() {}

    /** Takes one reading's metrics in. */
    public void add(Map<String, Double> metrics) {
        readings++;
        for (Map.Entry<String, Double> m : metrics.entrySet()) {
            double v = m.getValue();
            sums.merge(m.getKey(), v, Double::sum);
            counts.merge(m.getKey(), 1L, Long::sum);
            mins.merge(m.getKey(), v, Math::min);
            maxs.merge(m.getKey(), v, Math::max);
        }
    }

    /** Takes another summary of the same subject in. */
    public void merge(MetricStats other) {
        readings += other.readings;
        other.sums.forEach((k, v) -> sums.merge(k, v, Double::sum));
        other.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
        other.mins.forEach((k, v) -> mins.merge(k, v, Math::min));
        other.maxs.forEach((k, v) -> maxs.merge(k, v, Math::max));
        if (districtId == null) {
            districtId = other.districtId;
            domain = other.domain;
        }
    }

    /** {@code <metric>_mean}, {@code _min}, {@code _max} of every metric, and {@code count}. */
    public Map<String, Double> values() {
        Map<String, Double> values = new HashMap<>(sums.size() * 3 + 1);
        sums.forEach(
                (k, sum) -> {
                    values.put(k + "_mean", sum / counts.get(k));
                    values.put(k + "_min", mins.get(k));
                    values.put(k + "_max", maxs.get(k));
                });
        values.put("count", (double) readings);
        return values;
    }
}
