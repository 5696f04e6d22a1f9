package io.cityops.alerting.lifecycle;

import io.cityops.alerting.routing.UnitRouter;
import io.cityops.model.Alert;
import io.cityops.model.Signal;
import io.cityops.model.Topics;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.config.Settings;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The alert lifecycle job: signals from Kafka become alert versions on the compacted alerts topic,
 * each routed to field units. Exactly once end to end: offsets and alert state in checkpoints,
 * alerts written in Kafka transactions committed on checkpoint, so readers of the alerts topic must
 * read committed (and see new alerts one checkpoint interval later).
 */
public final class AlertLifecycleJob {
    public static final String JOB_NAME = "cityops-alerting";

    // Kafka brokers cap transactions at transaction.max.timeout.ms, 15 minutes by default; it must
    // outlast a checkpoint interval plus a restart, or a pending alert transaction is aborted.
    private static final String TRANSACTION_TIMEOUT_MS =
            String.valueOf(Duration.ofMinutes(15).toMillis());

    private AlertLifecycleJob() {}

    public static void main(String[] args) throws Exception {
        runJob(AlertLifecycleConfig.from(Settings.fromArgs(args)));
    }

    public static void runJob(AlertLifecycleConfig c) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env, c);
        env.execute(JOB_NAME);
    }

    /**
     * Adds the production job to {@code env}: Kafka signals in, Kafka alerts out, checkpointing.
     */
    public static void build(StreamExecutionEnvironment env, AlertLifecycleConfig c) {
        env.enableCheckpointing(c.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        CityModel city = CityModelLoader.load(c.cityModelLocation());
        KafkaSource<RawRecord> source =
                KafkaSource.<RawRecord>builder()
                        .setBootstrapServers(c.kafkaBootstrap())
                        .setTopics(Topics.SIGNALS)
                        .setGroupId(c.groupId())
                        .setClientIdPrefix(c.groupId())
                        .setStartingOffsets(
                                OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                        .setProperty("isolation.level", "read_committed")
                        .setDeserializer(new RawRecordDeserializer())
                        .build();
        KafkaSink<Alert> sink =
                KafkaSink.<Alert>builder()
                        .setBootstrapServers(c.kafkaBootstrap())
                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                        .setTransactionalIdPrefix(c.transactionalIdPrefix())
                        .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
                        .setRecordSerializer(new AlertRecordSerializer())
                        .build();
        SingleOutputStreamOperator<Signal> signals =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "Kafka signals")
                        .uid("signals-source")
                        .process(new SignalDecoder())
                        .uid("signal-decoder")
                        .name("Decode signals");
        defineWorkflow(env, signals, sink, city, c.reopenWindow());
    }

    /**
     * The topology alone: signals keyed by alert id through the lifecycle, every alert version to
     * {@code alerts}. Returns the alert versions so that callers can also observe them.
     */
    public static DataStream<Alert> defineWorkflow(
            StreamExecutionEnvironment env,
            DataStream<Signal> signals,
            Sink<Alert> alerts,
            CityModel city,
            Duration reopenWindow) {
        AlertLifecycle lifecycle = new AlertLifecycle(new UnitRouter(city), reopenWindow);
        SingleOutputStreamOperator<Alert> versions =
                signals.keyBy(Signal::alertKey, Types.STRING)
                        .process(new AlertLifecycleFunction(lifecycle))
                        .uid("alert-lifecycle")
                        .name("Alert lifecycle");
        versions.sinkTo(alerts).uid("alerts-sink").name("Alerts sink");
        return versions;
    }
}
