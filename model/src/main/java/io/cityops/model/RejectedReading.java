package io.cityops.model;

import java.util.Objects;

/**
 * A message ingest refused, kept whole for diagnosis: the value of {@code readings.rejected}.
 *
 * @param topic the MQTT topic the message arrived on
 * @param payloadBase64 the original bytes, base64-encoded (possibly not text at all)
 * @param sensorId the sensor named by the topic, or empty when the topic names none
 * @param receivedAt wall-clock time (epoch ms) the bridge received it
 */
public record RejectedReading(
        RejectionReason reason,
        String detail,
        String topic,
        String sensorId,
        long receivedAt,
        String payloadBase64) {

    public RejectedReading {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(payloadBase64, "payloadBase64");
    }
}
