package io.cityops.alerting.lifecycle;

import io.cityops.model.Alert;
import io.cityops.model.Topics;
import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes an alert version to the compacted alerts topic, keyed by alert id so that every version of
 * one alert lands in one partition, in order, and compaction keeps the latest. The record timestamp
 * is left to the producer (write time): the event time is in the value, and an old event time would
 * only make time-based retention drop replayed versions early.
 */
final class AlertRecordSerializer implements KafkaRecordSerializationSchema<Alert> {
    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            Alert alert, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(
                Topics.ALERTS,
                alert.alertId().getBytes(StandardCharsets.UTF_8),
                JsonCodec.ALERT.encode(alert));
    }
}
