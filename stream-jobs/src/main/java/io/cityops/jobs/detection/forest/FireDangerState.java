package io.cityops.jobs.detection.forest;

import java.io.Serializable;

/**
 * A zone's running Nesterov index between days (Flink {@code ValueState}).
 *
 * @param nesterov the index after the last closed day
 * @param level its fire-danger level 1..5, 0 before the first day
 * @param lastDayStart start (epoch ms) of the last closed day, {@link Long#MIN_VALUE} before any
 */
public record FireDangerState(double nesterov, int level, long lastDayStart)
        implements Serializable {

    public static final FireDangerState INITIAL = new FireDangerState(0, 0, Long.MIN_VALUE);

    /** Level III or above: the zone's alert is open. */
    public boolean alerting() {
        return level >= FireDangerLevels.ALERT_LEVEL;
    }
}
