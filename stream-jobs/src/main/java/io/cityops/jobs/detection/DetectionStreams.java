package io.cityops.jobs.detection;

import io.cityops.model.Reading;
import io.cityops.model.RejectedReading;
import io.cityops.model.Signal;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The streams {@link DetectionJob#defineWorkflow} builds, for callers that attach more: the signals
 * (already going to the signal sink), the readings that arrived too late (counted, not yet stored
 * anywhere) and the rejected ones (already going to the dead-letter sink).
 */
public record DetectionStreams(
        DataStream<Signal> signals,
        DataStream<Reading> late,
        DataStream<RejectedReading> rejected) {}
