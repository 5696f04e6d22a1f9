package io.cityops.dashboards.sensors;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** When each sensor was last heard from (event time of its newest reading), fed from readings. */
public final class SensorActivity {
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();

    public void seen(String sensorId, long eventTimeMs) {
        lastSeen.merge(sensorId, eventTimeMs, Math::max);
    }

    public OptionalLong lastSeen(String sensorId) {
        Long t = lastSeen.get(sensorId);
        return t == null ? OptionalLong.empty() : OptionalLong.of(t);
    }
}
