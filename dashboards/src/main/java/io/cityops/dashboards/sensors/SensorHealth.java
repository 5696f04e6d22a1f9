package io.cityops.dashboards.sensors;

import java.util.OptionalLong;

/**
 * A sensor's health as the map colours it. Thresholds are multiples of the sensor's own heartbeat
 * so slow stations are not flagged for being slow.
 */
public enum SensorHealth {
    /** An active alert names the sensor or its subject. */
    ALERT,
    /** Heard from within three heartbeats. */
    OK,
    /** Missed three heartbeats. */
    LATE,
    /** Missed ten heartbeats: probably down. */
    SILENT,
    /** Never heard from since the dashboard started. */
    UNKNOWN;

    public static SensorHealth classify(
            OptionalLong lastSeenMs, int heartbeatSec, long nowMs, boolean underAlert) {
        if (underAlert) {
            return ALERT;
        }
        if (lastSeenMs.isEmpty()) {
            return UNKNOWN;
        }
        long silentFor = nowMs - lastSeenMs.getAsLong();
        long beat = Math.max(1, heartbeatSec) * 1000L;
        if (silentFor <= 3 * beat) {
            return OK;
        }
        return silentFor <= 10 * beat ? LATE : SILENT;
    }
}
