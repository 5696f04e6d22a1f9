package io.cityops.jobs.detection;

import io.cityops.model.Aggregate;
import io.cityops.model.RejectedReading;
import io.cityops.model.Signal;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where the detection job writes: production passes Kafka sinks ({@code signals}, {@code
 * aggregates}, {@code readings.late}, {@code readings.rejected}), tests pass collecting sinks.
 */
public record DetectionSinks(
        Sink<Signal> signals,
        Sink<Aggregate> aggregates,
        Sink<LateReading> late,
        Sink<RejectedReading> rejected) {

    public DetectionSinks {
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(aggregates, "aggregates");
        Objects.requireNonNull(late, "late");
        Objects.requireNonNull(rejected, "rejected");
    }
}
