package io.cityops.opscenter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cityops.jobs.detection.registry.RegistryPublisher;
import io.cityops.model.Topics;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorRegistration;
import io.cityops.model.json.JsonCodec;
import io.cityops.opscenter.embedded.EmbeddedKafka;
import io.cityops.opscenter.support.KafkaProbe;
import io.cityops.opscenter.support.TestStack;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up seeding of the {@code registry} topic is idempotent and never undoes an operator's
 * change: a second run writes nothing, and a retired sensor stays retired.
 */
class RegistryPublisherIT {
    @Test
    void seedingTwiceWritesEverySensorOnceAndKeepsAnOperatorsRetirement(@TempDir Path tmp)
            throws Exception {
        CityModel city = CityModelLoader.sample();
        List<Sensor> sensors = List.copyOf(city.sensors());
        try (EmbeddedKafka kafka =
                new EmbeddedKafka(tmp, "127.0.0.1", TestStack.freePort(), TestStack.freePort())) {
            kafka.start();
            new TopicProvisioner(kafka.bootstrapServers(), 1, (short) 1).ensureTopics();
            RegistryPublisher publisher = new RegistryPublisher(kafka.bootstrapServers());
            String retired = sensors.get(0).id();
            try (KafkaProducer<byte[], byte[]> operator = producer(kafka.bootstrapServers())) {
                operator.send(RegistryPublisher.record(SensorRegistration.retirement(retired)))
                        .get();
            }

            int first = publisher.publishMissing(sensors);
            int second = publisher.publishMissing(sensors);

            assertThat(first).isEqualTo(sensors.size() - 1);
            assertThat(second).isZero();
            try (KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers(), Topics.REGISTRY)) {
                await().until(() -> probe.records().size() == sensors.size());
                assertThat(probe.records())
                        .filteredOn(r -> r.key().equals(retired))
                        .extracting(r -> JsonCodec.REGISTRATION.decode(r.value()))
                        .containsExactly(SensorRegistration.retirement(retired));
            }
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
