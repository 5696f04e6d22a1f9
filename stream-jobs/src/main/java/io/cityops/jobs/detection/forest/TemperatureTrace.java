package io.cityops.jobs.detection.forest;

import java.io.Serializable;

/**
 * One station's recent air temperatures, oldest first, for the rate of rise: samples at least
 * {@code spacing} apart (the newest always kept) within a sliding event-time window, so the state
 * stays small however often the station reports. Arrays are never mutated; each step copies.
 */
public record TemperatureTrace(long[] ts, double[] temperatureC) implements Serializable {

    public static final TemperatureTrace EMPTY = new TemperatureTrace(new long[0], new double[0]);

    public TemperatureTrace {
        if (ts.length != temperatureC.length) {
            throw new IllegalArgumentException("sample times and temperatures differ in length");
        }
    }

    public int size() {
        return ts.length;
    }

    /** Event time of the newest sample, or {@link Long#MIN_VALUE} when there is none. */
    public long latestTs() {
        return ts.length == 0 ? Long.MIN_VALUE : ts[ts.length - 1];
    }

    /**
     * This trace with a newer sample: samples older than {@code windowMs} before it are dropped,
     * and the previous newest is replaced when it lies closer than {@code spacingMs} to the one
     * before it.
     */
    public TemperatureTrace with(long t, double celsius, long windowMs, long spacingMs) {
        int from = 0;
        while (from < ts.length && ts[from] < t - windowMs) {
            from++;
        }
        int kept = ts.length - from;
        int n = ts.length;
        if (kept >= 2 && ts[n - 1] - ts[n - 2] < spacingMs) {
            kept--; // the previous newest only stood in for the latest temperature
        }
        long[] nts = new long[kept + 1];
        double[] nc = new double[kept + 1];
        System.arraycopy(ts, from, nts, 0, kept);
        System.arraycopy(temperatureC, from, nc, 0, kept);
        nts[kept] = t;
        nc[kept] = celsius;
        return new TemperatureTrace(nts, nc);
    }

    /** The newest temperature minus the lowest in the trace; NaN with fewer than two samples. */
    public double rise() {
        if (ts.length < 2) {
            return Double.NaN;
        }
        double min = Double.POSITIVE_INFINITY;
        for (double c : temperatureC) {
            min = Math.min(min, c);
        }
        return temperatureC[temperatureC.length - 1] - min;
    }
}
