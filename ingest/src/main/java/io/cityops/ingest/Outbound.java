package io.cityops.ingest;

import io.cityops.ingest.validate.ValidationOutcome;
import java.util.Objects;

/**
 * One Kafka record the bridge owes for one MQTT message, with the verdict that chose its topic.
 *
 * @param source the MQTT topic the message arrived on, for log lines
 */
record Outbound(
        String kafkaTopic, byte[] key, byte[] value, String source, ValidationOutcome outcome) {
    Outbound {
        Objects.requireNonNull(kafkaTopic, "kafkaTopic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(outcome, "outcome");
    }
}
