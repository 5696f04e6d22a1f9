package io.cityops.jobs.detection.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Topics;
import io.cityops.model.city.SensorRegistration;
import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A retirement goes on the compacted {@code registry} topic as a value record, {@code
 * "retired":true}, never as a tombstone: compaction deletes tombstones after {@code
 * delete.retention.ms}, and a fresh start would then fall back to the city model and bring a
 * retired city-model sensor back into service. A value record is kept for ever as its key's newest.
 */
class RegistryPublisherRecordTest {
    @Test
    void aRetirementIsAValueRecordMarkedRetiredNotATombstone() {
        ProducerRecord<byte[], byte[]> r =
                RegistryPublisher.record(SensorRegistration.retirement("wl-107-muongte"));

        assertThat(r.topic()).isEqualTo(Topics.REGISTRY);
        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("wl-107-muongte");
        assertThat(r.value()).isNotNull();
        assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains("\"retired\":true");
        assertThat(JsonCodec.REGISTRATION.decode(r.value()))
                .isEqualTo(SensorRegistration.retirement("wl-107-muongte"));
    }
}
