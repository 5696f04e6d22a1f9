package io.cityops.jobs.detection.power;

/**
 * What the tamper detector remembers about one customer meter: its trailing mean hourly consumption
 * (a running mean over at most {@code tamperMinHistoryHours} complete, unsuspicious hours), whether
 * {@code power.tamper} is raised, and since when (event time) it has looked normal.
 */
public record TamperState(double meanWh, int hours, boolean raised, long normalSince) {
    public static final long NONE = Long.MIN_VALUE;

    public static final TamperState INITIAL = new TamperState(0, 0, false, NONE);
}
