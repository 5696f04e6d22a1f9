package io.cityops.jobs.history;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One InfluxDB point, ready to write. Its identity is retention policy + measurement + tags +
 * timestamp: writing the same identity again overwrites, which is what makes replays after a
 * failure idempotent.
 *
 * @param fields values are Double, Long, Boolean or String
 * @param timeNs nanoseconds since the epoch
 */
public record HistoryPoint(
        String retentionPolicy,
        String measurement,
        Map<String, String> tags,
        Map<String, Object> fields,
        long timeNs)
        implements Serializable {

    public HistoryPoint {
        Objects.requireNonNull(retentionPolicy, "retentionPolicy");
        Objects.requireNonNull(measurement, "measurement");
        tags = new TreeMap<>(tags);
        fields = new TreeMap<>(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a point needs at least one field");
        }
    }
}
