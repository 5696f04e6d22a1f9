package io.cityops.jobs.detection.water;

import java.io.Serializable;
import java.util.OptionalDouble;

/**
 * Recent water levels of one station, oldest first, for the rate of rise: at most one sample per
 * {@code spacing} (the newest is always kept) within a sliding event-time window, so the state
 * stays bounded however often the gauge reports. Arrays are never mutated; each step copies.
 */
public record LevelSamples(long[] ts, double[] cm) implements Serializable {

    public static final LevelSamples EMPTY = new LevelSamples(new long[0], new double[0]);

    public LevelSamples {
        if (ts.length != cm.length) {
            throw new IllegalArgumentException("sample times and levels differ in length");
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
     * These samples with a newer one added: samples older than {@code window} before it are
     * dropped, and the previous newest, kept only provisionally when it lies closer than {@code
     * spacing} to the one before it, is replaced. Kept samples are thus at least {@code spacing}
     * apart.
     */
    public LevelSamples with(long t, double level, long windowMs, long spacingMs) {
        int from = 0;
        while (from < ts.length && ts[from] < t - windowMs) {
            from++;
        }
        int kept = ts.length - from;
        int n = ts.length;
        if (kept >= 2 && ts[n - 1] - ts[n - 2] < spacingMs) {
            kept--; // the previous newest was only a stand-in for the latest level
        }
        long[] nts = new long[kept + 1];
        double[] ncm = new double[kept + 1];
        System.arraycopy(ts, from, nts, 0, kept);
        System.arraycopy(cm, from, ncm, 0, kept);
        nts[kept] = t;
        ncm[kept] = level;
        return new LevelSamples(nts, ncm);
    }

    /**
     * These samples with an older one put in its place in time (a reading that arrived after a
     * newer one), so that later rates take it into account. Unchanged when it falls outside the
     * {@code window} before the newest sample, when a sample already has its time, or when it lies
     * closer than {@code spacing} to a kept sample other than the newest (that sample stands for
     * it), so kept samples stay at least {@code spacing} apart, the newest excepted, as with {@link
     * #with}.
     *
     * @throws IllegalArgumentException if {@code t} is not older than the newest sample
     */
    public LevelSamples withEarlier(long t, double level, long windowMs, long spacingMs) {
        int n = ts.length;
        if (n == 0 || t >= ts[n - 1]) {
            throw new IllegalArgumentException(
                    "not older than the newest sample (" + latestTs() + "): " + t);
        }
        if (t < ts[n - 1] - windowMs) {
            return this;
        }
        int at = 0;
        while (ts[at] < t) {
            at++; // stops at the newest at the latest, as t is older
        }
        boolean crowded =
                ts[at] == t
                        || (at > 0 && t - ts[at - 1] < spacingMs)
                        || (at < n - 1 && ts[at] - t < spacingMs);
        if (crowded) {
            return this;
        }
        long[] nts = new long[n + 1];
        double[] ncm = new double[n + 1];
        System.arraycopy(ts, 0, nts, 0, at);
        System.arraycopy(cm, 0, ncm, 0, at);
        nts[at] = t;
        ncm[at] = level;
        System.arraycopy(ts, at, nts, at + 1, n - at);
        System.arraycopy(cm, at, ncm, at + 1, n - at);
        return new LevelSamples(nts, ncm);
    }

    /**
     * Rise in cm/h from the oldest to the newest sample (negative when falling), once the samples
     * span at least {@code minSpanMs}: over a shorter span gauge noise would dominate.
     */
    public OptionalDouble risePerHour(long minSpanMs) {
        int last = ts.length - 1;
        if (last < 1 || ts[last] - ts[0] < minSpanMs) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((cm[last] - cm[0]) * 3_600_000.0 / (ts[last] - ts[0]));
    }
}
