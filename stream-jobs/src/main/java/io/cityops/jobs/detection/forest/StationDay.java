package io.cityops.jobs.detection.forest;

import java.io.Serializable;

/**
 * One station's contribution to a zone's day: its rain so far and its reading nearest 13:00 local
 * time (temperature, humidity, dew point; NaN when none yet).
 *
 * @param offsetMs that reading's time minus 13:00 (negative before), {@link Long#MAX_VALUE} when
 *     none
 */
public record StationDay(
        double rainMm, long offsetMs, double temperatureC, double humidityPct, double dewPointC)
        implements Serializable {

    public static final StationDay EMPTY =
            new StationDay(0, Long.MAX_VALUE, Double.NaN, Double.NaN, Double.NaN);

    /** True when a reading near 13:00 with temperature and humidity was seen. */
    public boolean observed() {
        return offsetMs != Long.MAX_VALUE;
    }

    /**
     * This day with one more reading: its rain added, and it becomes the 13:00 observation when it
     * has temperature and humidity and lies closer to 13:00 (within the tolerance) than the one so
     * far.
     */
    public StationDay with(
            double rain,
            long offset,
            long toleranceMs,
            double temperature,
            double humidity,
            double dewPoint) {
        double sum = rainMm + (Double.isFinite(rain) ? rain : 0);
        boolean usable =
                Math.abs(offset) <= toleranceMs
                        && Double.isFinite(temperature)
                        && Double.isFinite(humidity);
        if (usable && closer(offset, offsetMs)) {
            return new StationDay(sum, offset, temperature, humidity, dewPoint);
        }
        return new StationDay(sum, offsetMs, temperatureC, humidityPct, dewPointC);
    }

    private static boolean closer(long offset, long than) {
        if (than == Long.MAX_VALUE) {
            return true;
        }
        long a = Math.abs(offset);
        long b = Math.abs(than);
        return a < b || (a == b && offset < than);
    }
}
