package io.cityops.jobs.detection;

import java.io.Serializable;
import java.util.Objects;

/**
 * A reading as it comes off Kafka, not yet decoded: the topic, the record key (the sensor id by the
 * ingest contract, empty when absent) and the value bytes. Decoding happens in {@link
 * ReadingDecoder}, where a bad payload has its own exit instead of failing the source.
 */
public record RawReading(String topic, String key, byte[] payload) implements Serializable {

    public RawReading {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
    }
}
