package io.cityops.jobs.detection.rain;

import java.util.Map;

/**
 * Rolling rain sums from buckets (bucket start → mm): the sum over a span ending at {@code t} takes
 * the buckets that start inside {@code (t − span, t]}, so with 10-minute buckets evaluated at a
 * bucket's end the 1-hour sum is exactly the last six buckets. Buckets after {@code t} (readings
 * ahead of the watermark) are left out.
 */
public final class RainBuckets {
    public static final long HOUR_MS = 3_600_000L;

    private RainBuckets() {}

    public static RainSums sums(Iterable<Map.Entry<Long, Double>> buckets, long t) {
        double h1 = 0;
        double h3 = 0;
        double h24 = 0;
        for (Map.Entry<Long, Double> b : buckets) {
            long start = b.getKey();
            if (start > t) {
                continue;
            }
            double mm = b.getValue();
            if (start > t - HOUR_MS) {
                h1 += mm;
            }
            if (start > t - 3 * HOUR_MS) {
                h3 += mm;
            }
            if (start > t - 24 * HOUR_MS) {
                h24 += mm;
            }
        }
        return new RainSums(round(h1), round(h3), round(h24));
    }

    /** Tipping buckets count 0.2 mm: sums are kept to 0.01 mm so 0.1 + 0.2 reads 0.3. */
    static double round(double mm) {
        return Math.round(mm * 100) / 100.0;
    }

    /** The start of the bucket an instant falls in. */
    public static long bucketOf(long ts, long bucketMs) {
        return Math.floorDiv(ts, bucketMs) * bucketMs;
    }
}
