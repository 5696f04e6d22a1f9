package io.cityops.jobs.detection.aggregates;

import io.cityops.jobs.detection.SensorReading;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Incremental window aggregation of readings into {@link MetricStats}: one accumulator per key and
 * window, updated in place, so no window buffers its readings.
 */
public final class MetricStatsAggregator
        implements AggregateFunction<SensorReading, MetricStats, MetricStats> {
    private static final long serialVersionUID = 1L;

    @Override
    public MetricStats createAccumulator() {
        return new MetricStats();
    }

    @Override
    public MetricStats add(SensorReading r, MetricStats acc) {
        acc.add(r.reading().metrics());
        acc.districtId = r.districtId();
        acc.domain = r.sensor().domain();
        return acc;
    }

    @Override
    public MetricStats getResult(MetricStats acc) {
        return acc;
    }

    @Override
    public MetricStats merge(MetricStats a, MetricStats b) {
        a.merge(b);
        return a;
    }
}
