package io.cityops.jobs.detection.traffic;

import io.cityops.jobs.detection.SensorReading;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Sums one traffic detector's readings within a window into {@link MinuteSums}. */
public final class MinuteSumsAggregate
        implements AggregateFunction<SensorReading, MinuteSums, MinuteSums> {
    private static final long serialVersionUID = 1L;

    @Override
    public MinuteSums createAccumulator() {
        return new MinuteSums();
    }

    @Override
    public MinuteSums add(SensorReading r, MinuteSums acc) {
        acc.add(r);
        return acc;
    }

    @Override
    public MinuteSums getResult(MinuteSums acc) {
        return acc;
    }

    @Override
    public MinuteSums merge(MinuteSums a, MinuteSums b) {
        a.addAll(b);
        return a;
    }
}
