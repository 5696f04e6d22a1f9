package io.cityops.jobs.coverage.kafka;

import io.cityops.jobs.coverage.CoverageJobConfig;
import io.cityops.jobs.detection.RawReading;
import io.cityops.jobs.detection.kafka.DetectionConnectors;
import io.cityops.jobs.detection.kafka.SignalRecordSerializer;
import io.cityops.model.Domain;
import io.cityops.model.Signal;
import io.cityops.model.kpi.Kpi;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;

/** The production Kafka source and sinks of the coverage job, built from its configuration. */
public final class CoverageConnectors {
    private CoverageConnectors() {}

    /** Readings of all four domains: any reading is a sign of life. */
    public static KafkaSource<RawReading> readings(CoverageJobConfig c) {
        return DetectionConnectors.readings(c.kafkaBootstrap(), c.groupId(), Domain.values());
    }

    /** KPI snapshots, exactly once. */
    public static KafkaSink<Kpi> kpis(CoverageJobConfig c) {
        return DetectionConnectors.exactlyOnce(
                c.kafkaBootstrap(), c.transactionalIdPrefix() + "-kpis", new KpiRecordSerializer());
    }

    /** Coverage signals, exactly once, beside the detectors' on the same topic. */
    public static KafkaSink<Signal> signals(CoverageJobConfig c) {
        return DetectionConnectors.exactlyOnce(
                c.kafkaBootstrap(),
                c.transactionalIdPrefix() + "-signals",
                new SignalRecordSerializer());
    }
}
