package io.cityops.jobs.detection.power;

/**
 * What the outage detector remembers about one transformer: whether an outage is raised, how many
 * customers it affects, the onset of the first meter of the outage, and since when (event time) the
 * dark share has been below the threshold (for the clear hold-off).
 */
public record OutageState(boolean raised, int affected, long clusterStart, long belowSince) {
    public static final long NONE = Long.MIN_VALUE;

    public static final OutageState INITIAL = new OutageState(false, 0, NONE, NONE);
}
