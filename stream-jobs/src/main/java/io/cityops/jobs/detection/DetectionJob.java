package io.cityops.jobs.detection;

import io.cityops.jobs.detection.aggregates.GenericAggregates;
import io.cityops.jobs.detection.environment.EnvironmentDetectors;
import io.cityops.jobs.detection.forest.ForestDetectors;
import io.cityops.jobs.detection.health.SensorHealthFunction;
import io.cityops.jobs.detection.kafka.DetectionConnectors;
import io.cityops.jobs.detection.power.PowerDetectors;
import io.cityops.jobs.detection.registry.ReadingEventTime;
import io.cityops.jobs.detection.registry.RegistryReplay;
import io.cityops.jobs.detection.registry.RegistryWatermarks;
import io.cityops.jobs.detection.registry.SensorEnrichmentFunction;
import io.cityops.jobs.detection.traffic.TrafficDetectors;
import io.cityops.jobs.detection.water.RiverLevelDetectors;
import io.cityops.model.Aggregate;
import io.cityops.model.Reading;
import io.cityops.model.RejectedReading;
import io.cityops.model.Signal;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.SensorRegistration;
import io.cityops.model.config.Settings;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detection job: readings of every domain and the sensor registry from Kafka; decoding,
 * registry enrichment, sensor health, generic aggregates and the domains' detectors; signals,
 * aggregates, late and rejected readings to Kafka. {@link #main} reads configuration, {@link
 * #build} adds the production connectors to an environment (the all-in-one calls it with its own
 * MiniCluster environment), and {@link #defineWorkflow} holds only the topology, with sources and
 * sinks injected.
 */
public final class DetectionJob {
    private static final Logger LOG = LoggerFactory.getLogger(DetectionJob.class);

    public static final String JOB_NAME = "cityops-detection";

    private DetectionJob() {}

    public static void main(String[] args) throws Exception {
        runJob(DetectionJobConfig.from(Settings.fromArgs(args)));
    }

    public static void runJob(DetectionJobConfig c) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env, c);
        env.execute(JOB_NAME);
    }

    /**
     * Adds the job with its Kafka sources and sinks to {@code env}, with exactly-once checkpoints.
     */
    public static DetectionStreams build(StreamExecutionEnvironment env, DetectionJobConfig c) {
        CityModel city = CityModelLoader.load(c.cityModelLocation());
        LOG.info(
                "detection job: Kafka {}, group {}, city model {} ({} sensors)",
                c.kafkaBootstrap(),
                c.groupId(),
                c.cityModelLocation(),
                city.sensors().size());
        env.configure(runtimeOptions());
        env.enableCheckpointing(c.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        return defineWorkflow(
                env,
                DetectionConnectors.readings(c),
                DetectionConnectors.registry(c),
                new DetectionSinks(
                        DetectionConnectors.signals(c),
                        DetectionConnectors.aggregates(c),
                        DetectionConnectors.late(c),
                        DetectionConnectors.rejected(c)),
                city,
                c);
    }

    /**
     * The execution options the job runs with, which {@link #build} sets and the MiniCluster tests
     * set too (so they test what runs):
     *
     * <ul>
     *   <li>no Kryo ({@code pipeline.generic-types: false}): a type without a Flink serializer
     *       fails at submission, not at the first record
     *   <li>object reuse ({@code pipeline.object-reuse: true}): chained operators hand records on
     *       by reference instead of deep-copying them for each one (about a dozen operators chain
     *       behind the enrichment, each of which would get its own copy of every reading). Safe
     *       because every record that flows through the job is an immutable Java record ({@code
     *       Reading} copies its metrics with {@code Map.copyOf}; {@code Sensor}, {@code
     *       SensorReading}, {@code Signal}, {@code Aggregate} and the detectors' intermediate
     *       records likewise) and no function mutates its input or an object it has emitted: what
     *       functions keep (in state, fields or lists) is either such a record or a mutable
     *       accumulator they created themselves ({@code MetricStats}, {@code MinuteSums}, {@code
     *       HourSums}, the health state), which never leaves the function except as a fresh record
     *       built from it.
     * </ul>
     *
     * <p>{@link #defineWorkflow} sets none of them, so a caller (the benchmark) can choose.
     */
    public static Configuration runtimeOptions() {
        return new Configuration()
                .set(PipelineOptions.GENERIC_TYPES, false)
                .set(PipelineOptions.OBJECT_REUSE, true);
    }

    /**
     * The topology with the city model as the whole registry and only signals and rejections kept,
     * for callers that measure detection alone (the benchmark).
     */
    public static DetectionStreams defineWorkflow(
            StreamExecutionEnvironment env,
            Source<RawReading, ?, ?> readings,
            Sink<Signal> signals,
            Sink<RejectedReading> rejected,
            CityModel city,
            DetectionJobConfig c) {
        return defineWorkflow(
                env,
                readings,
                RegistryReplay.of(city.sensors().stream().map(SensorRegistration::of).toList()),
                new DetectionSinks(
                        signals, new DiscardingSink<>(), new DiscardingSink<>(), rejected),
                city,
                c);
    }

    /**
     * The topology alone: decode (bad payloads to the rejected sink), enrich with the registry
     * (late readings to the late sink, unknown sensors to the rejected sink), then sensor health,
     * generic aggregates and every domain's detectors, whose signals and aggregates go to their
     * sinks. Event time is the readings' {@code ts}, declared here at the source; the registry
     * source declares none (see {@link RegistryWatermarks}).
     */
    public static DetectionStreams defineWorkflow(
            StreamExecutionEnvironment env,
            Source<RawReading, ?, ?> readings,
            Source<SensorRegistration, ?, ?> registry,
            DetectionSinks sinks,
            CityModel city,
            DetectionJobConfig c) {
        WatermarkStrategy<RawReading> eventTime =
                WatermarkStrategy.<RawReading>forBoundedOutOfOrderness(c.outOfOrderness())
                        .withTimestampAssigner(new ReadingTimestamps())
                        .withIdleness(c.idleness());
        SingleOutputStreamOperator<Reading> decoded =
                env.fromSource(
                                readings,
                                eventTime,
                                "readings",
                                TypeInformation.of(RawReading.class))
                        .uid("readings-source")
                        .process(new ReadingDecoder(), TypeInformation.of(Reading.class))
                        .name("decode readings")
                        .uid("decode-readings");

        // One reader suffices for a small compacted topic, and leaves no reader without a split.
        BroadcastStream<SensorRegistration> registrations =
                env.fromSource(
                                registry,
                                RegistryWatermarks.strategy(),
                                "registry",
                                TypeInformation.of(SensorRegistration.class))
                        .setParallelism(1)
                        .uid("registry-source")
                        .broadcast(SensorEnrichmentFunction.REGISTRY);

        SingleOutputStreamOperator<SensorReading> enrichment =
                decoded.keyBy(Reading::sensorId, Types.STRING)
                        .connect(registrations)
                        .process(
                                new SensorEnrichmentFunction(city.sensors(), c.unknownSensorHold()),
                                TypeInformation.of(SensorReading.class))
                        .name("enrich with sensor registry")
                        .uid("enrich-with-sensor-registry");
        DataStream<SensorReading> enriched =
                enrichment
                        .transform(
                                "event time of enriched readings",
                                TypeInformation.of(SensorReading.class),
                                new ReadingEventTime())
                        .uid("event-time-of-enriched-readings");

        // Already partitioned by sensor id: the per-sensor stages take it without a reshuffle.
        ReadingsBySensor bySensor = ReadingsBySensor.partitionedBySensor(enriched);

        SingleOutputStreamOperator<Signal> health =
                bySensor.keyed()
                        .connect(registrations)
                        .process(
                                new SensorHealthFunction(c.health(), c.outOfOrderness()),
                                TypeInformation.of(Signal.class))
                        .name("sensor health")
                        .uid("sensor-health");

        // Every domain's detectors plug in here; their outputs join the common sinks below.
        List<DetectorOutputs> detectors =
                List.of(
                        RiverLevelDetectors.attach(enriched, city, c.riverLevel()),
                        TrafficDetectors.attach(bySensor, city, c.domains().traffic()),
                        ForestDetectors.attach(enriched, city, c.domains().forest()),
                        EnvironmentDetectors.attach(bySensor, city, c.domains().environment()),
                        PowerDetectors.attach(bySensor, city, c.domains().power()));

        DataStream<Signal> signals = health;
        DataStream<Aggregate> aggregates = GenericAggregates.attach(bySensor);
        for (DetectorOutputs d : detectors) {
            signals = signals.union(d.signals());
            aggregates = aggregates.union(d.aggregates());
        }

        DataStream<LateReading> late = enrichment.getSideOutput(SensorEnrichmentFunction.LATE);
        DataStream<RejectedReading> rejected =
                decoded.getSideOutput(ReadingDecoder.REJECTED)
                        .union(enrichment.getSideOutput(SensorEnrichmentFunction.REJECTED));
        signals.sinkTo(sinks.signals()).name("signals sink").uid("signals-sink");
        aggregates.sinkTo(sinks.aggregates()).name("aggregates sink").uid("aggregates-sink");
        late.sinkTo(sinks.late()).name("late readings sink").uid("late-readings-sink");
        rejected.sinkTo(sinks.rejected())
                .name("rejected readings sink")
                .uid("rejected-readings-sink");
        return new DetectionStreams(signals, aggregates, late, rejected);
    }
}
