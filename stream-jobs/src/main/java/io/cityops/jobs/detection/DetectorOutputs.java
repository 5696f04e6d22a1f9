package io.cityops.jobs.detection;

import io.cityops.model.Aggregate;
import io.cityops.model.Signal;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What a domain's detectors add to the detection job: the signals (to the {@code signals} topic)
 * and the windowed aggregates (to the {@code aggregates} topic, stored by the history job). Either
 * may be an empty stream, never null.
 */
public record DetectorOutputs(DataStream<Signal> signals, DataStream<Aggregate> aggregates) {}
