package io.cityops.jobs.detection;

import io.cityops.jobs.detection.kafka.DetectionConnectors;
import io.cityops.jobs.detection.water.RiverGaugeFilter;
import io.cityops.jobs.detection.water.RiverLevelFunction;
import io.cityops.model.Reading;
import io.cityops.model.RejectedReading;
import io.cityops.model.Signal;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.config.Settings;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detection job: readings from Kafka, per-domain detectors, signals to Kafka. {@link #main}
 * reads configuration, {@link #build} adds the production connectors to an environment (the
 * all-in-one calls it with its own MiniCluster environment), and {@link #defineWorkflow} holds only
 * the topology, with source and sinks injected.
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
     * Adds the job with its Kafka source and sinks to {@code env}, with exactly-once checkpoints.
     */
    public static DetectionStreams build(StreamExecutionEnvironment env, DetectionJobConfig c) {
        CityModel city = CityModelLoader.load(c.cityModelLocation());
        LOG.info(
                "detection job: Kafka {}, group {}, city model {} ({} river stations)",
                c.kafkaBootstrap(),
                c.groupId(),
                c.cityModelLocation(),
                city.riverStations().size());
        env.enableCheckpointing(c.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        return defineWorkflow(
                env,
                DetectionConnectors.readings(c),
                DetectionConnectors.signals(c),
                DetectionConnectors.rejected(c),
                city,
                c);
    }

    /**
     * The topology alone: decode, route bad payloads to {@code rejected}, detect, write signals.
     * Event time is the readings' {@code ts}, declared here at the source.
     */
    public static DetectionStreams defineWorkflow(
            StreamExecutionEnvironment env,
            Source<RawReading, ?, ?> readings,
            Sink<Signal> signals,
            Sink<RejectedReading> rejected,
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

        SingleOutputStreamOperator<Signal> riverLevels =
                decoded.filter(new RiverGaugeFilter(city))
                        .name("river gauges only")
                        .uid("river-gauges-only")
                        .keyBy(Reading::sensorId, Types.STRING)
                        .process(
                                new RiverLevelFunction(city, c.riverLevel()),
                                TypeInformation.of(Signal.class))
                        .name("river level alarms")
                        .uid("river-level-alarms");

        DataStream<RejectedReading> malformed = decoded.getSideOutput(ReadingDecoder.REJECTED);
        malformed.sinkTo(rejected).name("rejected readings sink").uid("rejected-readings-sink");
        riverLevels.sinkTo(signals).name("signals sink").uid("signals-sink");
        return new DetectionStreams(
                riverLevels, riverLevels.getSideOutput(RiverLevelFunction.LATE), malformed);
    }
}
