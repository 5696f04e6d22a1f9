package io.cityops.jobs.coverage.liveness;

import io.cityops.model.city.Sensor;
import java.io.Serializable;

/**
 * DOMAIN.md, Sensor health: a sensor is silent after no reading within {@code heartbeat × factor}
 * (factor 3 by default). A reading older than that window when it arrives proves nothing about the
 * sensor now (a backlog after a restart), so it does not revive a sensor.
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
}
