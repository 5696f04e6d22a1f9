package io.cityops.jobs.detection.kafka;

import io.cityops.model.RejectedReading;
import io.cityops.model.Topics;
import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a {@link RejectedReading} to ingest's dead-letter topic {@code readings.rejected}, keyed
 * by sensor id like the readings themselves (no key when the sensor is unknown).
 */
public final class RejectedReadingRecordSerializer
        implements KafkaRecordSerializationSchema<RejectedReading> {
    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            RejectedReading rejected, KafkaSinkContext context, Long timestamp) {
        byte[] key =
                rejected.sensorId().isEmpty()
                        ? null
                        : rejected.sensorId().getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(
                Topics.READINGS_REJECTED, key, JsonCodec.REJECTED.encode(rejected));
    }
}
