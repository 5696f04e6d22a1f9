package io.cityops.jobs.detection.air;

import io.cityops.jobs.detection.SensorReading;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Sums a station's readings in its one-hour event-time window; a reading contributes each pollutant
 * it carries (NaN and absent values are skipped), so a station with a dead analyzer still reports
 * the others.
 */
public final class HourlyMeans implements AggregateFunction<SensorReading, HourSums, HourSums> {
    private static final long serialVersionUID = 1L;

    @Override
    public HourSums createAccumulator() {
        return new HourSums();
    }

    @Override
    public HourSums add(SensorReading r, HourSums acc) {
        acc.districtId = r.districtId();
        acc.readings++;
        for (Pollutant p : Pollutant.values()) {
            double v = r.reading().value(p.metric());
            if (!Double.isNaN(v)) {
                acc.sums[p.ordinal()] += v;
                acc.counts[p.ordinal()]++;
            }
        }
        return acc;
    }

    @Override
    public HourSums getResult(HourSums acc) {
        return acc;
    }

    @Override
    public HourSums merge(HourSums a, HourSums b) {
        for (int i = 0; i < a.sums.length; i++) {
            a.sums[i] += b.sums[i];
            a.counts[i] += b.counts[i];
        }
        a.readings += b.readings;
        if (a.districtId == null) {
            a.districtId = b.districtId;
        }
        return a;
    }
}
