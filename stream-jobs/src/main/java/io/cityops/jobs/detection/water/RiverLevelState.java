package io.cityops.jobs.detection.water;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What the river-level detector remembers about one station between readings: the alarm level in
 * force (0 = none), since when the water has been below each level's clear line (threshold minus
 * margin), and the recent samples for the rate of rise. Kept in Flink {@code ValueState}.
 *
 * @param belowSince per level I..III, the event time since which the water has stayed below that
 *     level's clear line, or {@link #NOT_BELOW}
 */
public record RiverLevelState(int level, long[] belowSince, LevelSamples samples)
        implements Serializable {

    /** Marks a level whose clear line the water is not below. */
    public static final long NOT_BELOW = Long.MIN_VALUE;

    /** A station never seen, or quiet long enough to be forgotten. */
    public static final RiverLevelState INITIAL =
            new RiverLevelState(
                    0, new long[] {NOT_BELOW, NOT_BELOW, NOT_BELOW}, LevelSamples.EMPTY);

    public RiverLevelState {
        if (level < 0 || level > 3 || belowSince.length != 3) {
            throw new IllegalArgumentException(
                    "alarm level 0..3 with three clear lines, got "
                            + level
                            + ", "
                            + Arrays.toString(belowSince));
        }
    }

    /** True when no alarm is in force, so nothing but rate-of-rise samples would be lost. */
    public boolean quiet() {
        return level == 0;
    }

    /** Event time of the last reading taken into account. */
    public long latestTs() {
        return samples.latestTs();
    }

    long belowSince(int alarmLevel) {
        return belowSince[alarmLevel - 1];
    }
}
