package io.cityops.jobs.detection.traffic;

import java.io.Serializable;

/**
 * The last few minutes of one road segment, oldest first: per minute the sums of both detectors'
 * speeds and occupancies (the panes the sliding congestion window is made of) and the downstream
 * occupancy (for DOCCTD). Arrays are never mutated; each step copies, and {@link #since} bounds the
 * size.
 */
public record RecentMinutes(
        long[] minutes,
        double[] speedSum,
        long[] speedCount,
        double[] occupancySum,
        long[] occupancyCount,
        double[] downstreamPct)
        implements Serializable {

    public static final RecentMinutes EMPTY =
            new RecentMinutes(
                    new long[0],
                    new double[0],
                    new long[0],
                    new double[0],
                    new long[0],
                    new double[0]);

    public RecentMinutes {
        int n = minutes.length;
        if (speedSum.length != n
                || speedCount.length != n
                || occupancySum.length != n
                || occupancyCount.length != n
                || downstreamPct.length != n) {
            throw new IllegalArgumentException("recent minutes' arrays differ in length");
        }
    }

    public int size() {
        return minutes.length;
    }

    public boolean isEmpty() {
        return minutes.length == 0;
    }

    /** Start of the newest minute held, or {@link Long#MIN_VALUE} when none is. */
    public long latestMinute() {
        return minutes.length == 0 ? Long.MIN_VALUE : minutes[minutes.length - 1];
    }

    /** These minutes without those that start before {@code fromMinute}. */
    public RecentMinutes since(long fromMinute) {
        int from = 0;
        while (from < minutes.length && minutes[from] < fromMinute) {
            from++;
        }
        return from == 0 ? this : slice(from, minutes.length - from, 0);
    }

    /** These minutes with a newer one appended; a minute held at or after it is replaced. */
    public RecentMinutes with(SegmentMinute m) {
        int kept = minutes.length;
        while (kept > 0 && minutes[kept - 1] >= m.minuteStart()) {
            kept--;
        }
        RecentMinutes r = slice(0, kept, 1);
        r.minutes[kept] = m.minuteStart();
        r.speedSum[kept] = m.speedSum();
        r.speedCount[kept] = m.speedCount();
        r.occupancySum[kept] = m.occupancySum();
        r.occupancyCount[kept] = m.occupancyCount();
        r.downstreamPct[kept] = m.downstreamOccupancyPct();
        return r;
    }

    private RecentMinutes slice(int from, int length, int extra) {
        RecentMinutes r =
                new RecentMinutes(
                        new long[length + extra],
                        new double[length + extra],
                        new long[length + extra],
                        new double[length + extra],
                        new long[length + extra],
                        new double[length + extra]);
        System.arraycopy(minutes, from, r.minutes, 0, length);
        System.arraycopy(speedSum, from, r.speedSum, 0, length);
        System.arraycopy(speedCount, from, r.speedCount, 0, length);
        System.arraycopy(occupancySum, from, r.occupancySum, 0, length);
        System.arraycopy(occupancyCount, from, r.occupancyCount, 0, length);
        System.arraycopy(downstreamPct, from, r.downstreamPct, 0, length);
        return r;
    }

    /** Means pooled over both detectors' readings of the minutes from {@code fromMinute} on. */
    public WindowStats stats(long fromMinute, double freeFlowKmh) {
        double speed = 0;
        long speeds = 0;
        double occupancy = 0;
        long occupancies = 0;
        for (int i = 0; i < minutes.length; i++) {
            if (minutes[i] >= fromMinute) {
                speed += speedSum[i];
                speeds += speedCount[i];
                occupancy += occupancySum[i];
                occupancies += occupancyCount[i];
            }
        }
        double meanSpeed = speeds == 0 ? Double.NaN : speed / speeds;
        return new WindowStats(
                meanSpeed,
                meanSpeed / freeFlowKmh,
                occupancies == 0 ? Double.NaN : occupancy / occupancies);
    }

    /**
     * The downstream detector's mean occupancy in the minute starting at {@code minute}, or NaN.
     */
    public double downstreamAt(long minute) {
        for (int i = minutes.length - 1; i >= 0; i--) {
            if (minutes[i] == minute) {
                return downstreamPct[i];
            }
        }
        return Double.NaN;
    }
}
