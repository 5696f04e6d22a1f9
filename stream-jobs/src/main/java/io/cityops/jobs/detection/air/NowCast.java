package io.cityops.jobs.detection.air;

/**
 * The NowCast of particulates (DOMAIN.md "Environment"; Decision 1459/QĐ-TCMT and the US EPA
 * alike): a weighted mean of the last 12 hourly means that leans on recent hours when the air is
 * changing. {@code w = min/max} of the available hours, floored at 0.5; {@code NowCast = Σ
 * w^(i−1)·c_i / Σ w^(i−1)} over the available hours, i = 1 the latest.
 */
public final class NowCast {
    /** Hours taken into account. */
    public static final int HOURS = 12;

    /** The weight factor is never below this for particulates. */
    public static final double MIN_WEIGHT = 0.5;

    private NowCast() {}

    /**
     * The NowCast of up to 12 hourly means, latest first, NaN for a missing hour; NaN when fewer
     * than 2 of the 3 latest hours exist (the validity rule).
     */
    public static double of(double[] latestFirst) {
        int recent = 0;
        for (int i = 0; i < Math.min(3, latestFirst.length); i++) {
            if (!Double.isNaN(latestFirst[i])) {
                recent++;
            }
        }
        if (recent < 2) {
            return Double.NaN;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = Math.min(HOURS, latestFirst.length);
        for (int i = 0; i < n; i++) {
            double c = latestFirst[i];
            if (!Double.isNaN(c)) {
                min = Math.min(min, c);
                max = Math.max(max, c);
            }
        }
        double w = max > 0 ? Math.max(MIN_WEIGHT, min / max) : 1;
        double num = 0;
        double den = 0;
        double wi = 1;
        for (int i = 0; i < n; i++) {
            double c = latestFirst[i];
            if (!Double.isNaN(c)) {
                num += wi * c;
                den += wi;
            }
            wi *= w;
        }
        return num / den;
    }
}
