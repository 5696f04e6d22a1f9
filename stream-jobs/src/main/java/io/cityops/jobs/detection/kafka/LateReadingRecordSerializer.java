package io.cityops.jobs.detection.kafka;

import io.cityops.jobs.detection.LateReading;
import io.cityops.model.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes a {@link LateReading} to {@code readings.late}, keyed by sensor id. */
public final class LateReadingRecordSerializer
        implements KafkaRecordSerializationSchema<LateReading> {
    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            LateReading late, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(
                Topics.READINGS_LATE,
                late.reading().sensorId().getBytes(StandardCharsets.UTF_8),
                LateReading.JSON.encode(late));
    }
}
