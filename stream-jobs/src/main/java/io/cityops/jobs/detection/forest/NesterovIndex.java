package io.cityops.jobs.detection.forest;

/**
 * The Nesterov fire-danger index, one day at a time (DOMAIN.md, "Forest"): {@code P = Σ k · t13 ·
 * d13} over the days since the last day with rain at or above the variant's reset (k = 0 on such a
 * day, which resets P to zero). Below-zero temperatures or dryness add nothing (Nesterov counted
 * only days above 0 °C); a day without a 13:00 observation leaves P as it was unless it rained.
 */
public final class NesterovIndex {
    private NesterovIndex() {}

    /** The index after {@code day}, from the index {@code before} it. */
    public static double next(double before, DayWeather day, NesterovVariant variant) {
        if (day.rainMm() >= variant.resetRainMm()) {
            return 0;
        }
        if (!Double.isFinite(day.t13()) || !Double.isFinite(day.d13())) {
            return before;
        }
        return before + Math.max(0, day.t13()) * Math.max(0, day.d13());
    }
}
