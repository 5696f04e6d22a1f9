package io.cityops.jobs.detection.registry;

import io.cityops.model.Topics;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorRegistration;
import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the compacted {@code registry} topic with the sensors of the city model, idempotently: it
 * first reads the topic to its end and publishes only sensors that have no entry yet, so a restart
 * writes nothing and never undoes what an operator changed (a moved or retired sensor). Run once at
 * start-up, before the detection job, by the all-in-one; blocking, not for use inside operators.
 */
public final class RegistryPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryPublisher.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrap;

    public RegistryPublisher(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * Publishes the registration of every sensor without an entry on {@code registry}.
     *
     * @return how many registrations were written
     */
    public int publishMissing(Collection<Sensor> sensors) throws Exception {
        Set<String> present = registeredIds();
        List<Sensor> missing = new ArrayList<>();
        for (Sensor s : sensors) {
            if (!present.contains(s.id())) {
                missing.add(s);
            }
        }
        if (!missing.isEmpty()) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            try (KafkaProducer<byte[], byte[]> producer =
                    new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
                for (Sensor s : missing) {
                    producer.send(record(SensorRegistration.of(s)));
                }
                producer.flush();
            }
        }
        LOG.info(
                "registry: {} sensors already registered, {} published",
                sensors.size() - missing.size(),
                missing.size());
        return missing.size();
    }

    /**
     * The registry record of an entry: key = sensor id, value = its JSON. A retirement too is a
     * value record ({@code "retired":true}), never a tombstone: compaction deletes tombstones after
     * {@code delete.retention.ms}, and a fresh start would then take a retired city-model sensor
     * back into service.
     */
    public static ProducerRecord<byte[], byte[]> record(SensorRegistration entry) {
        return new ProducerRecord<>(
                Topics.REGISTRY,
                entry.sensorId().getBytes(StandardCharsets.UTF_8),
                JsonCodec.REGISTRATION.encode(entry));
    }

    /** Keys of every record on the topic, read from the beginning to the current end. */
    Set<String> registeredIds() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts =
                    consumer.partitionsFor(Topics.REGISTRY, TIMEOUT).stream()
                            .map(i -> new TopicPartition(i.topic(), i.partition()))
                            .toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts, TIMEOUT);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT.toMillis());
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "registry topic not read to its end within " + TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null) {
                        ids.add(new String(r.key(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return ids;
    }

    private static boolean reached(
            KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
