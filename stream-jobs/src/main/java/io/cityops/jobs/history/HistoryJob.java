package io.cityops.jobs.history;

import io.cityops.jobs.detection.RawReading;
import io.cityops.jobs.detection.ReadingDecoder;
import io.cityops.jobs.detection.kafka.DetectionConnectors;
import io.cityops.model.Aggregate;
import io.cityops.model.Alert;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.Topics;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.config.Settings;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Stores what the platform sees for analysts: every validated reading, every windowed aggregate and
 * every alert version, from Kafka into InfluxDB 1.x. Writes are idempotent (fixed point identity),
 * so a replay after a restart overwrites instead of duplicating.
 */
public final class HistoryJob {
    private HistoryJob() {}

    public static void main(String[] args) throws Exception {
        runJob(HistoryJobConfig.from(Settings.fromArgs(args)));
    }

    public static void runJob(HistoryJobConfig c) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env, c);
        env.execute("cityops-history");
    }

    /** Adds the job with its production connectors to an environment. */
    public static void build(StreamExecutionEnvironment env, HistoryJobConfig c) {
        // No Kryo on a real cluster either: a type without a Flink serializer fails at submission.
        env.configure(new Configuration().set(PipelineOptions.GENERIC_TYPES, false));
        env.enableCheckpointing(c.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        CityModel city = CityModelLoader.load(c.cityModelLocation());
        defineWorkflow(
                env,
                DetectionConnectors.readings(c.kafkaBootstrap(), c.groupId(), Domain.values()),
                topic(c, Topics.ALERTS, "-alerts"),
                topic(c, Topics.AGGREGATES, "-aggregates"),
                InfluxSink.readings(c.influx(), HistoryPoints.DistrictLookup.of(city)),
                InfluxSink.alerts(c.influx()),
                InfluxSink.aggregates(c.influx()));
    }

    /** The topology: readings, alert versions and aggregates, decoded, into their sinks. */
    public static void defineWorkflow(
            StreamExecutionEnvironment env,
            Source<RawReading, ?, ?> readings,
            Source<byte[], ?, ?> alerts,
            Source<byte[], ?, ?> aggregates,
            Sink<Reading> readingSink,
            Sink<Alert> alertSink,
            Sink<Aggregate> aggregateSink) {
        // Malformed readings are dead-lettered by the detection job; history only skips them.
        env.fromSource(
                        readings,
                        WatermarkStrategy.noWatermarks(),
                        "readings for history",
                        TypeInformation.of(RawReading.class))
                .uid("history-readings-source")
                .process(new ReadingDecoder(), TypeInformation.of(Reading.class))
                .name("decode readings for history")
                .uid("history-decode-readings")
                .sinkTo(readingSink)
                .name("InfluxDB readings")
                .uid("history-readings-sink");
        env.fromSource(
                        alerts,
                        WatermarkStrategy.noWatermarks(),
                        "alerts for history",
                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                .uid("history-alerts-source")
                .process(new AlertDecoder(), TypeInformation.of(Alert.class))
                .name("decode alerts for history")
                .uid("history-decode-alerts")
                .sinkTo(alertSink)
                .name("InfluxDB alert events")
                .uid("history-alerts-sink");
        env.fromSource(
                        aggregates,
                        WatermarkStrategy.noWatermarks(),
                        "aggregates for history",
                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                .uid("history-aggregates-source")
                .process(new AggregateDecoder(), TypeInformation.of(Aggregate.class))
                .name("decode aggregates for history")
                .uid("history-decode-aggregates")
                .sinkTo(aggregateSink)
                .name("InfluxDB aggregates")
                .uid("history-aggregates-sink");
    }

    @SuppressWarnings("deprecation") // the connector still takes Kafka's OffsetResetStrategy
    private static KafkaSource<byte[]> topic(HistoryJobConfig c, String topic, String clientId) {
        return KafkaSource.<byte[]>builder()
                .setBootstrapServers(c.kafkaBootstrap())
                .setGroupId(c.groupId())
                .setClientIdPrefix(c.groupId() + clientId)
                .setTopics(topic)
                .setStartingOffsets(
                        OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(
                        KafkaRecordDeserializationSchema.valueOnly(ByteArrayDeserializer.class))
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .build();
    }
}
