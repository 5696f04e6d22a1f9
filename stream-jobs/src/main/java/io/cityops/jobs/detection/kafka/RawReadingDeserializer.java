package io.cityops.jobs.detection.kafka;

import io.cityops.jobs.detection.RawReading;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a Kafka record into a {@link RawReading} without interpreting the value, so that no payload
 * can fail the source; a missing key or value (a tombstone) becomes empty.
 */
public final class RawReadingDeserializer implements KafkaRecordDeserializationSchema<RawReading> {
    private static final long serialVersionUID = 1L;
    private static final byte[] EMPTY = new byte[0];

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawReading> out) {
        String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
        out.collect(
                new RawReading(
                        record.topic(), key, record.value() == null ? EMPTY : record.value()));
    }

    @Override
    public TypeInformation<RawReading> getProducedType() {
        return TypeInformation.of(RawReading.class);
    }
}
