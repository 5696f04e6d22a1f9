package io.cityops.alerting.lifecycle;

import io.cityops.alerting.correlation.Correlator;
import io.cityops.alerting.routing.UnitRouter;
import io.cityops.model.Alert;
import io.cityops.model.AlertCommand;
import io.cityops.model.Signal;
import io.cityops.model.Topics;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.config.Settings;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.java.functions.KeySelector;
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
 * The alert lifecycle job: signals and operators' commands from Kafka become alert versions on the
 * compacted alerts topic, each routed to field units. Exactly once end to end: offsets and alert
 * state in checkpoints, alerts written in Kafka transactions committed on checkpoint, so readers of
 * the alerts topic must read committed (and see new alerts one checkpoint interval later).
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
     * Adds the production job to {@code env}: Kafka signals and commands in, Kafka alerts out,
     * checkpointing.
     */
    public static void build(StreamExecutionEnvironment env, AlertLifecycleConfig c) {
        env.enableCheckpointing(c.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        CityModel city = CityModelLoader.load(c.cityModelLocation());
        KafkaSink<Alert> sink =
                KafkaSink.<Alert>builder()
                        .setBootstrapServers(c.kafkaBootstrap())
                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                        .setTransactionalIdPrefix(c.transactionalIdPrefix())
                        .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
                        .setRecordSerializer(new AlertRecordSerializer())
                        .build();
        SingleOutputStreamOperator<Signal> signals =
                env.fromSource(
                                source(c, Topics.SIGNALS),
                                WatermarkStrategy.noWatermarks(),
                                "Kafka signals")
                        .uid("signals-source")
                        .process(new SignalDecoder())
                        .uid("signal-decoder")
                        .name("Decode signals");
        SingleOutputStreamOperator<AlertCommand> commands =
                env.fromSource(
                                source(c, Topics.ALERT_COMMANDS),
                                WatermarkStrategy.noWatermarks(),
                                "Kafka alert commands")
                        .uid("commands-source")
                        .process(new CommandDecoder())
                        .uid("command-decoder")
                        .name("Decode alert commands");
        defineWorkflow(signals, commands, sink, lifecycle(city, c));
    }

    /** The lifecycle rules this configuration describes, over this city model. */
    public static AlertLifecycle lifecycle(CityModel city, AlertLifecycleConfig c) {
        return new AlertLifecycle(
                new UnitRouter(city, c.routing(), c.unavailableUnits()),
                new Correlator(city),
                c.escalation(),
                c.holdOff(),
                c.reopenWindow());
    }

    private static KafkaSource<RawRecord> source(AlertLifecycleConfig c, String topic) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(c.kafkaBootstrap())
                .setTopics(topic)
                .setGroupId(c.groupId())
                .setClientIdPrefix(c.groupId() + "-" + topic)
                .setStartingOffsets(
                        OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setProperty("isolation.level", "read_committed")
                .setDeserializer(new RawRecordDeserializer())
                .build();
    }

    /**
     * The topology alone: signals and commands keyed by the correlation group of their alert
     * through the lifecycle, every alert version to {@code alerts}. Returns the alert versions so
     * that callers can also observe them.
     */
    public static DataStream<Alert> defineWorkflow(
            DataStream<Signal> signals,
            DataStream<AlertCommand> commands,
            Sink<Alert> alerts,
            AlertLifecycle lifecycle) {
        Correlator correlator = lifecycle.correlator;
        KeySelector<Signal, String> bySignalGroup = s -> correlator.groupOf(s.alertKey()).key();
        KeySelector<AlertCommand, String> byCommandGroup =
                c -> correlator.groupOf(c.alertId()).key();
        SingleOutputStreamOperator<Alert> versions =
                signals.keyBy(bySignalGroup, Types.STRING)
                        .connect(commands.keyBy(byCommandGroup, Types.STRING))
                        .process(new AlertLifecycleFunction(lifecycle))
                        .uid("alert-lifecycle")
                        .name("Alert lifecycle");
        versions.sinkTo(alerts).uid("alerts-sink").name("Alerts sink");
        return versions;
    }
}
