package io.cityops.jobs.detection.kafka;

import io.cityops.model.Aggregate;
import io.cityops.model.Topics;
import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes an {@link Aggregate} to the {@code aggregates} topic keyed by {@link Aggregate#key()}, so
 * a rewrite of the same window (after a restart) is recognisably the same point.
 */
public final class AggregateRecordSerializer implements KafkaRecordSerializationSchema<Aggregate> {
    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            Aggregate aggregate, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(
                Topics.AGGREGATES,
                aggregate.key().getBytes(StandardCharsets.UTF_8),
                JsonCodec.AGGREGATE.encode(aggregate));
    }
}
