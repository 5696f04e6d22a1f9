package io.cityops.jobs.detection.air;

import java.time.Instant;
import java.time.ZoneId;

/** Start and end of the local day an instant falls in (the daily AQI's day). */
final class LocalDays {
    private LocalDays() {}

    static long startOfDay(long epochMs, ZoneId zone) {
        return Instant.ofEpochMilli(epochMs)
                .atZone(zone)
                .toLocalDate()
                .atStartOfDay(zone)
                .toInstant()
                .toEpochMilli();
    }

    /** The first millisecond of the next local day. */
    static long endOfDay(long epochMs, ZoneId zone) {
        return Instant.ofEpochMilli(epochMs)
                .atZone(zone)
                .toLocalDate()
                .plusDays(1)
                .atStartOfDay(zone)
                .toInstant()
                .toEpochMilli();
    }
}
