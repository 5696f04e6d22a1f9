package io.cityops.jobs.detection.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.detection.LateReading;
import io.cityops.model.Aggregate;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.city.GeoPoint;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import io.cityops.model.city.SensorRegistration;
import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The registry source's records and the aggregate and late-reading sinks' records. */
class RegistryAndHistoryRecordsTest {
    private static final Sensor GAUGE =
            new Sensor(
                    "wl-200-new",
                    SensorKind.RIVER_GAUGE,
                    "107",
                    "rs-107-muongte",
                    new GeoPoint(22.38, 102.83),
                    300);

    private static List<SensorRegistration> read(String key, byte[] value) throws Exception {
        List<SensorRegistration> out = new ArrayList<>();
        new RegistryDeserializer()
                .deserialize(
                        new ConsumerRecord<>(
                                "registry",
                                0,
                                7L,
                                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                                value),
                        new Collector<>() {
                            @Override
                            public void collect(SensorRegistration r) {
                                out.add(r);
                            }

                            @Override
                            public void close() {}
                        });
        return out;
    }

    @Test
    void aRegistrationATombstoneAndRubbishOnTheRegistry() throws Exception {
        SensorRegistration added = SensorRegistration.of(GAUGE);

        assertThat(read("wl-200-new", JsonCodec.REGISTRATION.encode(added))).containsExactly(added);
        assertThat(read("wl-200-new", null))
                .containsExactly(SensorRegistration.retirement("wl-200-new"));
        assertThat(read("wl-200-new", "{not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(read("other-id", JsonCodec.REGISTRATION.encode(added))).isEmpty();
        assertThat(read(null, null)).isEmpty();
    }

    @Test
    void anAggregateIsKeyedByItsIdentityOnTheAggregatesTopic() {
        Aggregate a =
                new Aggregate(
                        "sensor",
                        "wl-200-new",
                        Domain.ENVIRONMENT,
                        "107",
                        "1m",
                        60_000L,
                        Map.of("count", 2.0),
                        Map.of());

        ProducerRecord<byte[], byte[]> record =
                new AggregateRecordSerializer().serialize(a, null, 1L);

        assertThat(record.topic()).isEqualTo("aggregates");
        assertThat(new String(record.key(), StandardCharsets.UTF_8))
                .isEqualTo("sensor:wl-200-new:1m:60000");
        assertThat(JsonCodec.AGGREGATE.decode(record.value())).isEqualTo(a);
    }

    @Test
    void aLateReadingKeepsTheOriginalReadingAndHowLateItWas() {
        Reading r = new Reading("wl-200-new", Domain.ENVIRONMENT, 1_000L, 3, Map.of("x", 1.0));
        LateReading late = LateReading.of(r, 61_000L);

        ProducerRecord<byte[], byte[]> record =
                new LateReadingRecordSerializer().serialize(late, null, 1L);

        assertThat(record.topic()).isEqualTo("readings.late");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("wl-200-new");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains("\"watermark\":61000", "\"lateByMs\":60000");
        assertThat(LateReading.JSON.decode(record.value())).isEqualTo(late);
    }
}
