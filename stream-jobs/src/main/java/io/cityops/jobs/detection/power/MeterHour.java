package io.cityops.jobs.detection.power;

/**
 * One meter's energy over one event-time hour: forward and reverse energy registered from its last
 * reading of the previous hour to its last reading of this one. Incomplete when that start is
 * unknown (first hour seen, or a gap of more than an hour) or the counter went backwards (a reset
 * or a replaced meter): such an hour is reported, never turned into invented loss.
 *
 * @param hour start of the hour, epoch ms, or {@link #NONE}
 */
public record MeterHour(long hour, double wh, double reverseWh, boolean complete) {
    public static final long NONE = Long.MIN_VALUE;

    public static final MeterHour EMPTY = new MeterHour(NONE, 0, 0, false);

    public boolean present() {
        return hour != NONE;
    }
}
