package io.cityops.jobs.coverage;

import io.cityops.jobs.coverage.kafka.CoverageConnectors;
import io.cityops.jobs.coverage.liveness.SensorLivenessFunction;
import io.cityops.jobs.coverage.liveness.SensorStatus;
import io.cityops.jobs.detection.RawReading;
import io.cityops.jobs.detection.ReadingDecoder;
import io.cityops.jobs.detection.ReadingTimestamps;
import io.cityops.model.Reading;
import io.cityops.model.Signal;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.config.Settings;
import io.cityops.model.kpi.Kpi;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coverage job: readings of all domains from Kafka, sensor liveness, the province's KPIs
 * against its targets, KPI snapshots to {@code kpis} and signals to {@code signals}, exactly once.
 * Same shape as the detection job: {@link #main} → {@link #runJob} → {@link #build} → {@link
 * #defineWorkflow}.
 */
public final class CoverageJob {
    private static final Logger LOG = LoggerFactory.getLogger(CoverageJob.class);

    public static final String JOB_NAME = "cityops-coverage";

    private CoverageJob() {}

    public static void main(String[] args) throws Exception {
        runJob(CoverageJobConfig.from(Settings.fromArgs(args)));
    }

    public static void runJob(CoverageJobConfig c) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env, c);
        env.execute(JOB_NAME);
    }

    /**
     * Adds the job with its Kafka source and sinks to {@code env}, with exactly-once checkpoints.
     */
    public static CoverageStreams build(StreamExecutionEnvironment env, CoverageJobConfig c) {
        CityModel city = CityModelLoader.load(c.cityModelLocation());
        LOG.info(
                "coverage job: Kafka {}, group {}, city model {} ({} sensors, {} targets)",
                c.kafkaBootstrap(),
                c.groupId(),
                c.cityModelLocation(),
                city.sensors().size(),
                city.targets().size());
        // No Kryo on a real cluster either: a type without a Flink serializer fails at submission.
        env.configure(new Configuration().set(PipelineOptions.GENERIC_TYPES, false));
        env.enableCheckpointing(c.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        return defineWorkflow(
                env,
                CoverageConnectors.readings(c),
                CoverageConnectors.kpis(c),
                CoverageConnectors.signals(c),
                city,
                c);
    }

    /**
     * The topology alone: decode, liveness per sensor, KPIs for the province, sinks. Undecodable
     * readings are only counted here: the detection job already sends them to the dead-letter
     * topic, and a second copy would double every diagnosis.
     */
    public static CoverageStreams defineWorkflow(
            StreamExecutionEnvironment env,
            Source<RawReading, ?, ?> readings,
            Sink<Kpi> kpis,
            Sink<Signal> signals,
            CityModel city,
            CoverageJobConfig c) {
        WatermarkStrategy<RawReading> eventTime =
                WatermarkStrategy.<RawReading>forBoundedOutOfOrderness(c.outOfOrderness())
                        .withTimestampAssigner(new ReadingTimestamps())
                        .withIdleness(c.idleness());
        SingleOutputStreamOperator<Reading> decoded =
                env.fromSource(
                                readings,
                                eventTime,
                                "coverage readings",
                                TypeInformation.of(RawReading.class))
                        .uid("coverage-readings-source")
                        .process(new ReadingDecoder(), TypeInformation.of(Reading.class))
                        .name("decode readings")
                        .uid("coverage-decode-readings");

        SingleOutputStreamOperator<SensorStatus> statuses =
                decoded.keyBy(Reading::sensorId, Types.STRING)
                        .process(
                                new SensorLivenessFunction(
                                        city, c.params().silenceRule(), c.outOfOrderness()),
                                TypeInformation.of(SensorStatus.class))
                        .name("sensor liveness")
                        .uid("sensor-liveness");

        SingleOutputStreamOperator<Kpi> snapshots =
                statuses.keyBy(s -> CoverageFunction.PROVINCE_KEY, Types.STRING)
                        .process(
                                new CoverageFunction(city, c.params()),
                                TypeInformation.of(Kpi.class))
                        .name("province KPIs")
                        .uid("province-kpis");
        DataStream<Signal> coverageSignals = snapshots.getSideOutput(CoverageFunction.SIGNALS);

        snapshots.sinkTo(kpis).name("kpis sink").uid("kpis-sink");
        coverageSignals.sinkTo(signals).name("coverage signals sink").uid("coverage-signals-sink");
        return new CoverageStreams(snapshots, coverageSignals, statuses);
    }
}
