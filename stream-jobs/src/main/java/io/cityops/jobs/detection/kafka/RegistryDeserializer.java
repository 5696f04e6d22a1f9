package io.cityops.jobs.detection.kafka;

import io.cityops.model.city.SensorRegistration;
import io.cityops.model.json.JsonCodec;
import io.cityops.model.json.JsonCodecException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted {@code registry} topic: a JSON {@link SensorRegistration} per record, and a
 * Kafka tombstone (null value) as the retirement of the sensor named by the key. A record that is
 * not a valid registration is logged and skipped: an operator's typo must not stop detection.
 */
public final class RegistryDeserializer
        implements KafkaRecordDeserializationSchema<SensorRegistration> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RegistryDeserializer.class);

    @Override
    public void deserialize(
            ConsumerRecord<byte[], byte[]> record, Collector<SensorRegistration> out) {
        String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            if (!key.isEmpty()) {
                out.collect(SensorRegistration.retirement(key));
            }
            return;
        }
        try {
            SensorRegistration r = JsonCodec.REGISTRATION.decode(record.value());
            if (!key.isEmpty() && !key.equals(r.sensorId())) {
                LOG.warn(
                        "registry record at offset {} has key '{}' but names sensor '{}': skipped",
                        record.offset(),
                        key,
                        r.sensorId());
                return;
            }
            out.collect(r);
        } catch (JsonCodecException e) {
            LOG.warn(
                    "registry record '{}' at offset {} skipped: {}",
                    key,
                    record.offset(),
                    e.getMessage().replace('\n', ' '));
        }
    }

    @Override
    public TypeInformation<SensorRegistration> getProducedType() {
        return TypeInformation.of(SensorRegistration.class);
    }
}
