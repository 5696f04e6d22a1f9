package io.cityops.jobs.detection.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.detection.RawReading;
import io.cityops.model.Domain;
import io.cityops.model.RejectedReading;
import io.cityops.model.RejectionReason;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class KafkaSerializationTest {
    @Test
    void aSignalIsKeyedByItsAlertKeyOnTheSignalsTopic() {
        Signal s =
                new Signal(
                        "water.level",
                        "rs-107-muongte",
                        Domain.ENVIRONMENT,
                        SignalAction.RAISE,
                        Severity.MINOR,
                        "107",
                        1L,
                        "water-level/v1",
                        "m",
                        Map.of("level", "1"));

        ProducerRecord<byte[], byte[]> record = new SignalRecordSerializer().serialize(s, null, 1L);

        assertThat(record.topic()).isEqualTo("signals");
        assertThat(new String(record.key(), StandardCharsets.UTF_8))
                .isEqualTo("water.level:rs-107-muongte");
        assertThat(JsonCodec.SIGNAL.decode(record.value())).isEqualTo(s);
        assertThat(record.timestamp()).isNull();
    }

    @Test
    void aRejectionGoesToTheDeadLetterTopicKeyedBySensorWhenKnown() {
        RejectedReading known =
                new RejectedReading(
                        RejectionReason.MALFORMED, "d", "readings.environment", "wl-1", 5L, "");
        RejectedReading unknown =
                new RejectedReading(
                        RejectionReason.MALFORMED, "d", "readings.environment", "", 5L, "");
        RejectedReadingRecordSerializer serializer = new RejectedReadingRecordSerializer();

        assertThat(serializer.serialize(known, null, null).topic()).isEqualTo("readings.rejected");
        assertThat(serializer.serialize(known, null, null).key())
                .isEqualTo("wl-1".getBytes(StandardCharsets.UTF_8));
        assertThat(serializer.serialize(unknown, null, null).key()).isNull();
        assertThat(JsonCodec.REJECTED.decode(serializer.serialize(known, null, null).value()))
                .isEqualTo(known);
    }

    @Test
    void aTombstoneWithoutKeyStillBecomesARawReading() throws Exception {
        List<RawReading> out = new ArrayList<>();
        new RawReadingDeserializer()
                .deserialize(
                        new ConsumerRecord<>("readings.environment", 0, 0L, null, null),
                        collector(out));

        assertThat(out)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.topic()).isEqualTo("readings.environment");
                            assertThat(r.key()).isEmpty();
                            assertThat(r.payload()).isEmpty();
                        });
    }

    private static <T> Collector<T> collector(List<T> into) {
        return new Collector<>() {
            @Override
            public void collect(T record) {
                into.add(record);
            }

            @Override
            public void close() {}
        };
    }
}
