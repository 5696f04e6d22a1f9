package io.cityops.model;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One validated measurement message of one sensor: its event time ({@code ts}, epoch ms from the
 * device), an optional device sequence number, and metric values by wire name. This is the value of
 * the {@code readings.<domain>} Kafka topics.
 *
 * @param seq device sequence number, or {@link #NO_SEQ} when the device sends none
 */
public record Reading(
        String sensorId, Domain domain, long ts, long seq, Map<String, Double> metrics) {

    /** Marks a reading whose device sent no sequence number. */
    public static final long NO_SEQ = -1L;

    public Reading {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(domain, "domain");
        metrics = Map.copyOf(Objects.requireNonNull(metrics, "metrics"));
    }

    public OptionalLong sequence() {
        return seq == NO_SEQ ? OptionalLong.empty() : OptionalLong.of(seq);
    }

    /** The value of a metric, or NaN when this reading does not carry it. */
    public double value(Metric metric) {
        Double v = metrics.get(metric.key());
        return v == null ? Double.NaN : v;
    }

    public boolean has(Metric metric) {
        return metrics.containsKey(metric.key());
    }
}
