package io.cityops.ingest.parse;

import io.cityops.model.Reading;
import java.util.Map;
import java.util.Objects;

/**
 * A payload read into fields but not yet checked against the city model: metric names may be
 * unknown and values non-finite or impossible. Validation turns it into a {@link Reading}.
 *
 * @param ts event time, epoch milliseconds
 * @param seq device sequence number, or {@link Reading#NO_SEQ}
 * @param metrics values by wire name, in payload order
 */
public record ParsedReading(String sensorId, long ts, long seq, Map<String, Double> metrics) {
    public ParsedReading {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(metrics, "metrics");
    }
}
