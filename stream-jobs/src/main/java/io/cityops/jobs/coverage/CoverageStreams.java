package io.cityops.jobs.coverage;

import io.cityops.jobs.coverage.liveness.SensorStatus;
import io.cityops.model.Signal;
import io.cityops.model.kpi.Kpi;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The streams {@link CoverageJob#defineWorkflow} builds, for callers that attach more (history,
 * dashboards): KPI snapshots and signals (both already going to their sinks) and the sensors'
 * status changes.
 */
public record CoverageStreams(
        DataStream<Kpi> kpis, DataStream<Signal> signals, DataStream<SensorStatus> statuses) {}
