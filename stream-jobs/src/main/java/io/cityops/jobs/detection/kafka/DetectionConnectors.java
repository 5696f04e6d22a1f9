package io.cityops.jobs.detection.kafka;

import io.cityops.jobs.detection.DetectionJobConfig;
import io.cityops.jobs.detection.LateReading;
import io.cityops.jobs.detection.RawReading;
import io.cityops.model.Aggregate;
import io.cityops.model.Domain;
import io.cityops.model.RejectedReading;
import io.cityops.model.Signal;
import io.cityops.model.Topics;
import io.cityops.model.city.SensorRegistration;
import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The production Kafka source and sinks of the detection job, built from its configuration. */
public final class DetectionConnectors {
    /**
     * Kafka transaction timeout of the signal sink: longer than any checkpoint should take, shorter
     * than the broker's {@code transaction.max.timeout.ms} (15 minutes by default).
     */
    public static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(10);

    /** Domains whose readings the job consumes: all of them (sensor health covers every one). */
    public static final Domain[] INPUT_DOMAINS = Domain.values();

    private DetectionConnectors() {}

    /**
     * Validated readings, undecoded. A new consumer group starts from the earliest offset so that
     * nothing written before the job's first start is missed; offsets are committed on checkpoints.
     */
    @SuppressWarnings(
            "deprecation") // connector 5.0 still takes Kafka's deprecated OffsetResetStrategy
    public static KafkaSource<RawReading> readings(DetectionJobConfig c) {
        return readings(c.kafkaBootstrap(), c.groupId(), INPUT_DOMAINS);
    }

    /**
     * Validated readings of the given domains, undecoded, for any job: committed offsets of the
     * group, else the earliest; only committed transactions are read.
     */
    @SuppressWarnings("deprecation") // see above
    public static KafkaSource<RawReading> readings(
            String bootstrap, String groupId, Domain... domains) {
        String[] topics = new String[domains.length];
        for (int i = 0; i < topics.length; i++) {
            topics[i] = Topics.readings(domains[i]);
        }
        return KafkaSource.<RawReading>builder()
                .setBootstrapServers(bootstrap)
                .setGroupId(groupId)
                .setClientIdPrefix(groupId)
                .setTopics(topics)
                .setStartingOffsets(
                        OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawReadingDeserializer())
                // Ingest's producers may be transactional; never read what they aborted.
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .build();
    }

    /**
     * The compacted {@code registry} topic, always from its beginning (a restored job resumes from
     * its checkpointed offsets): every sensor's newest entry is state, not history.
     */
    public static KafkaSource<SensorRegistration> registry(DetectionJobConfig c) {
        return KafkaSource.<SensorRegistration>builder()
                .setBootstrapServers(c.kafkaBootstrap())
                .setGroupId(c.groupId())
                .setClientIdPrefix(c.groupId() + "-registry")
                .setTopics(Topics.REGISTRY)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new RegistryDeserializer())
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .build();
    }

    /** Aggregates, exactly once like the signals, under their own transactional ids. */
    public static KafkaSink<Aggregate> aggregates(DetectionJobConfig c) {
        return exactlyOnce(
                c.kafkaBootstrap(),
                c.transactionalIdPrefix() + "-aggregates",
                new AggregateRecordSerializer());
    }

    /** Late readings to {@code readings.late}, at least once (diagnosis, like the rejected). */
    public static KafkaSink<LateReading> late(DetectionJobConfig c) {
        return KafkaSink.<LateReading>builder()
                .setBootstrapServers(c.kafkaBootstrap())
                .setRecordSerializer(new LateReadingRecordSerializer())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    /** Signals, exactly once: Kafka transactions committed with each Flink checkpoint. */
    public static KafkaSink<Signal> signals(DetectionJobConfig c) {
        return exactlyOnce(
                c.kafkaBootstrap(),
                c.transactionalIdPrefix() + "-signals",
                new SignalRecordSerializer());
    }

    /**
     * A sink whose records are committed with each Flink checkpoint (Kafka transactions under
     * {@code transactionalIdPrefix}, which must be unique per sink of every job).
     */
    public static <T> KafkaSink<T> exactlyOnce(
            String bootstrap,
            String transactionalIdPrefix,
            KafkaRecordSerializationSchema<T> serializer) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .setProperty(
                        ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                        String.valueOf(TRANSACTION_TIMEOUT.toMillis()))
                .build();
    }

    /**
     * Undecodable readings and readings of unknown sensors to the dead-letter topic, at least once:
     * a duplicate diagnosis after a restart is harmless and not worth a second transactional
     * producer.
     */
    public static KafkaSink<RejectedReading> rejected(DetectionJobConfig c) {
        return KafkaSink.<RejectedReading>builder()
                .setBootstrapServers(c.kafkaBootstrap())
                .setRecordSerializer(new RejectedReadingRecordSerializer())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
