package io.cityops.jobs.detection.traffic;

/**
 * The means of one segment over a stretch of event time, pooled over the readings of both its
 * detectors.
 *
 * @param meanSpeedKmh mean of the speeds reported, NaN when none was
 * @param speedRatio {@code meanSpeedKmh} over the segment's free-flow speed, NaN when no speed
 * @param occupancyPct mean occupancy, NaN when none was reported
 */
public record WindowStats(double meanSpeedKmh, double speedRatio, double occupancyPct) {

    /** True when neither a speed nor an occupancy was reported. */
    public boolean empty() {
        return Double.isNaN(speedRatio) && Double.isNaN(occupancyPct);
    }
}
