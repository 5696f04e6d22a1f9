package io.cityops.opscenter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cityops.ingest.IngestBridge;
import io.cityops.ingest.IngestConfig;
import io.cityops.jobs.detection.registry.RegistryPublisher;
import io.cityops.model.Domain;
import io.cityops.model.RejectedReading;
import io.cityops.model.RejectionReason;
import io.cityops.model.Topics;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.GeoPoint;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import io.cityops.model.city.SensorRegistration;
import io.cityops.model.json.JsonCodec;
import io.cityops.opscenter.embedded.EmbeddedKafka;
import io.cityops.opscenter.embedded.EmbeddedMqttBroker;
import io.cityops.opscenter.kafka.TopicProvisioner;
import io.cityops.opscenter.support.BrokerClient;
import io.cityops.opscenter.support.KafkaProbe;
import io.cityops.opscenter.support.TestStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bridge as the distributed mode runs it ({@code IngestMain}: its own registry follower, no
 * all-in-one around it) judges sensors by the {@code registry} topic while it runs: a sensor's
 * readings are rejected as unknown before its registration, accepted after it, and rejected as
 * retired after its retirement, each with its reason on {@code readings.rejected}.
 */
class IngestFollowsRegistryIT {
    private static final CityModel CITY = CityModelLoader.sample();
    private static final String AQ = "aq-199-new";
    private static final Sensor NEW_AQ =
            new Sensor(
                    AQ,
                    SensorKind.AIR_QUALITY_STATION,
                    "105",
                    "105",
                    new GeoPoint(22.4, 103.4),
                    60);

    private final AtomicLong seq = new AtomicLong();

    @Test
    void addedSensorIsAcceptedAndRetiredOneRejected(@TempDir Path tmp) throws Exception {
        try (EmbeddedKafka kafka =
                        new EmbeddedKafka(
                                tmp.resolve("kafka"),
                                "127.0.0.1",
                                TestStack.freePort(),
                                TestStack.freePort());
                EmbeddedMqttBroker broker =
                        new EmbeddedMqttBroker(
                                tmp.resolve("mqtt"), "127.0.0.1", TestStack.freePort(), 10_000)) {
            kafka.start();
            broker.start();
            new TopicProvisioner(kafka.bootstrapServers(), 2, (short) 1).ensureTopics();
            IngestConfig config =
                    new IngestConfig(
                            broker.uri(),
                            Optional.empty(),
                            Optional.empty(),
                            "it-ingest-registry",
                            kafka.bootstrapServers(),
                            IngestConfig.MAX_PAYLOAD_BYTES_DEFAULT,
                            IngestConfig.FUTURE_TOLERANCE_DEFAULT,
                            Duration.ofMinutes(5));
            assertThat(config.registryFollow()).isTrue();
            String topic = Topics.sensor(Domain.ENVIRONMENT, AQ);
            try (KafkaProbe accepted =
                            new KafkaProbe(
                                    kafka.bootstrapServers(), Topics.readings(Domain.ENVIRONMENT));
                    KafkaProbe rejected =
                            new KafkaProbe(kafka.bootstrapServers(), Topics.READINGS_REJECTED);
                    KafkaProducer<byte[], byte[]> operator = producer(kafka.bootstrapServers());
                    IngestBridge bridge = new IngestBridge(config, CITY);
                    BrokerClient device = BrokerClient.connect(broker.uri(), AQ, null, null)) {
                bridge.start();

                device.publish(topic, reading());
                await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(
                                () ->
                                        assertThat(rejections(rejected))
                                                .contains(
                                                        "UNKNOWN_SENSOR sensor '"
                                                                + AQ
                                                                + "' is not registered"));

                operator.send(RegistryPublisher.record(SensorRegistration.of(NEW_AQ))).get();
                // The bridge applies the registration within a second: publish until accepted.
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(300))
                        .until(
                                () -> {
                                    device.publish(topic, reading());
                                    return accepted.records().stream()
                                            .anyMatch(r -> AQ.equals(r.key()));
                                });

                operator.send(RegistryPublisher.record(SensorRegistration.retirement(AQ))).get();
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(300))
                        .until(
                                () -> {
                                    device.publish(topic, reading());
                                    return rejections(rejected)
                                            .contains(
                                                    "UNKNOWN_SENSOR sensor '"
                                                            + AQ
                                                            + "' is retired from the registry");
                                });
            }
        }
    }

    private String reading() {
        return "{\"sensorId\":\"%s\",\"ts\":%d,\"seq\":%d,\"metrics\":{\"pm25\":12.5}}"
                .formatted(AQ, System.currentTimeMillis(), seq.getAndIncrement());
    }

    private static List<String> rejections(KafkaProbe probe) {
        return probe.records().stream()
                .map(r -> JsonCodec.REJECTED.decode(r.value()))
                .filter(r -> AQ.equals(r.sensorId()))
                .map(IngestFollowsRegistryIT::describe)
                .toList();
    }

    private static String describe(RejectedReading r) {
        RejectionReason reason = r.reason();
        return reason + " " + r.detail();
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
