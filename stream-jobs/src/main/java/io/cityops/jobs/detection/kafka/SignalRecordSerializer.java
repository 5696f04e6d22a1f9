package io.cityops.jobs.detection.kafka;

import io.cityops.model.Signal;
import io.cityops.model.Topics;
import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a {@link Signal} to the {@code signals} topic keyed by its alert key, so every signal of
 * one incident lands in one partition, in order. The record timestamp is left to the producer
 * (append time of the write): a replay of old event time must not age the record out of retention.
 */
public final class SignalRecordSerializer implements KafkaRecordSerializationSchema<Signal> {
    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            Signal signal, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(
                Topics.SIGNALS,
                signal.alertKey().getBytes(StandardCharsets.UTF_8),
                JsonCodec.SIGNAL.encode(signal));
    }
}
