package io.cityops.jobs.detection;

import io.cityops.model.Aggregate;
import io.cityops.model.RejectedReading;
import io.cityops.model.Signal;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The streams {@link DetectionJob#defineWorkflow} builds, for callers and tests that attach more:
 * the signals of every detector (already going to the signal sink), the aggregates (already going
 * to the aggregate sink), the readings that arrived behind the watermark (already going to the late
 * sink) and the rejected ones, undecodable or of unknown sensors (already going to the dead-letter
 * sink).
 */
public record DetectionStreams(
        DataStream<Signal> signals,
        DataStream<Aggregate> aggregates,
        DataStream<LateReading> late,
        DataStream<RejectedReading> rejected) {}
