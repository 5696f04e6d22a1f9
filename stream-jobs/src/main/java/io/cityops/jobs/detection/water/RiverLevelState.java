package io.cityops.jobs.detection.water;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What the river-level detector remembers about one station between readings: the alarm level in
 * force (0 = none), since when the water has been below each level's clear line (threshold minus
 * margin), the recent samples for the rate of rise, and whether a fast rise is signalled. Kept in
 * Flink {@code ValueState}.
 *
 * @param belowSince per level I..III, the event time since which the water has stayed below that
 *     level's clear line, or {@link #NOT_BELOW}
 * @param riseRaised true while a {@code water.rise} signal is raised
 * @param riseCalmSince while raised, the event time since which the rate has stayed below half the
 *     rise threshold, or {@link #NOT_BELOW}
 */
public record RiverLevelState(
        int level, long[] belowSince, LevelSamples samples, boolean riseRaised, long riseCalmSince)
        implements Serializable {

    /** Marks a level whose clear line the water is not below. */
    public static final long NOT_BELOW = Long.MIN_VALUE;

    /** A station never seen, or quiet long enough to be forgotten. */
    public static final RiverLevelState INITIAL =
            new RiverLevelState(
                    0,
                    new long[] {NOT_BELOW, NOT_BELOW, NOT_BELOW},
                    LevelSamples.EMPTY,
                    false,
                    NOT_BELOW);

    public RiverLevelState {
        if (level < 0 || level > 3 || belowSince.length != 3) {
            throw new IllegalArgumentException(
                    "alarm level 0..3 with three clear lines, got "
                            + level
                            + ", "
                            + Arrays.toString(belowSince));
        }
    }

    /** True when no alarm (level or rise) is in force, so only rate-of-rise samples are held. */
    public boolean quiet() {
        return level == 0 && !riseRaised;
    }

    /**
     * Event time of the newest reading taken into account: the station's present. A reading that
     * arrives later with an older time only joins the samples ({@link
     * RiverLevelAlarm#onEarlierReading}); one at this very time is a duplicate.
     */
    public long latestTs() {
        return samples.latestTs();
    }

    long belowSince(int alarmLevel) {
        return belowSince[alarmLevel - 1];
    }
}
