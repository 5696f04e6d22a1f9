package io.cityops.jobs.detection.air;

/**
 * What the {@code air.aqi} alarm of one district remembers: the highest category signalled since it
 * was raised ({@code -1} when not raised) and since when the AQI has been back at or below the
 * boundary ({@link #NOT_BELOW} while above).
 */
public record AirAlarmState(int raisedLevel, long belowSince) {
    public static final long NOT_BELOW = Long.MIN_VALUE;
    public static final AirAlarmState IDLE = new AirAlarmState(-1, NOT_BELOW);

    public boolean raised() {
        return raisedLevel >= 0;
    }
}
