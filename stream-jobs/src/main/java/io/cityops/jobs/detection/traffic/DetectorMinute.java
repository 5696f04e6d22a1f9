package io.cityops.jobs.detection.traffic;

/**
 * One traffic detector's readings over one event-time minute, summed: what the per-detector window
 * hands to the per-segment detectors.
 *
 * @param minuteStart event time (epoch ms) the minute starts at
 */
public record DetectorMinute(
        String segmentId,
        String sensorId,
        long minuteStart,
        double speedSum,
        long speedCount,
        double occupancySum,
        long occupancyCount,
        double vehicles) {

    public static DetectorMinute of(String sensorId, long minuteStart, MinuteSums s) {
        return new DetectorMinute(
                s.segmentId,
                sensorId,
                minuteStart,
                s.speedSum,
                s.speedCount,
                s.occupancySum,
                s.occupancyCount,
                s.vehicles);
    }

    /** Mean speed in km/h, NaN when no speed was reported. */
    public double meanSpeedKmh() {
        return speedCount == 0 ? Double.NaN : speedSum / speedCount;
    }

    /** Mean occupancy in %, NaN when none was reported. */
    public double meanOccupancyPct() {
        return occupancyCount == 0 ? Double.NaN : occupancySum / occupancyCount;
    }
}
