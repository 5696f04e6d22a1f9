package io.cityops.jobs.coverage.liveness;

import io.cityops.model.city.Sensor;
import java.io.Serializable;

/**
 * DOMAIN.md, Sensor health: a sensor is silent after no reading within {@code heartbeat × factor}
 * (factor 3 by default). A reading older than that window when it arrives proves nothing about the
 * sensor now, so it does not revive a sensor; while the whole stream is catching up (a backlog
 * after a restart), "now" is the stream's event-time front instead of the clock.
 */
public record SilenceRule(int factor) implements Serializable {
    public static final int DEFAULT_FACTOR = 3;

    public SilenceRule {
        if (factor < 1) {
            throw new IllegalArgumentException("silence factor must be >= 1, got " + factor);
        }
    }

    public long windowMs(Sensor sensor) {
        return sensor.heartbeatSec() * 1000L * factor;
    }

    /** Whether a reading with event time {@code ts}, arriving at {@code now}, shows life now. */
    public boolean isFresh(Sensor sensor, long ts, long now) {
        return ts >= now - windowMs(sensor);
    }

    /**
     * Whether a reading shows life, judged against the stream's event-time front when the stream is
     * behind the clock: during a catch-up (a restore after downtime, a backlog after an ingest
     * outage) the readings being read are minutes or hours old although every sensor reported all
     * along, so "fresh" is measured from {@code min(now, watermark + outOfOrderness)}, the newest
     * event time the stream has reached, not from the wall clock. With no watermark yet ({@code
     * Long.MIN_VALUE}) this is {@link #isFresh(Sensor, long, long)}.
     *
     * @param watermark the operator's current event-time watermark
     * @param outOfOrdernessMs the bound the watermark lags the newest event time by
     */
    public boolean isFresh(
            Sensor sensor, long ts, long now, long watermark, long outOfOrdernessMs) {
        long front =
                watermark == Long.MIN_VALUE || watermark >= now - outOfOrdernessMs
                        ? now
                        : watermark + outOfOrdernessMs; // no overflow: watermark < now - ooo
        return ts >= front - windowMs(sensor);
    }
}
