package io.cityops.simulator.incidents;

import io.cityops.model.Metric;
import io.cityops.model.city.Sensor;
import io.cityops.simulator.values.Supply;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * A device that stops publishing (its modem hangs, its solar battery runs flat) for longer than
 * three heartbeats — at least six minutes, and 6.5 heartbeats for slower devices — then comes back
 * and reports as before. Never a customer meter: their silence is a transformer outage's business.
 */
public final class SilentSensor implements Incident {
    static final Duration AT_LEAST = Duration.ofMinutes(6);
    static final double HEARTBEATS = 6.5;

    private final Sensor sensor;
    private final Duration silentFor;

    public SilentSensor(Sensor sensor) {
        this.sensor = sensor;
        Duration beats = Duration.ofMillis((long) (sensor.heartbeatSec() * 1000 * HEARTBEATS));
        this.silentFor = beats.compareTo(AT_LEAST) > 0 ? beats : AT_LEAST;
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.SILENT_SENSOR;
    }

    @Override
    public String description() {
        return "silent sensor "
                + sensor.id()
                + " ("
                + sensor.kind()
                + ", heartbeat "
                + sensor.heartbeatSec()
                + " s): no readings for "
                + silentFor.toSeconds()
                + " s";
    }

    @Override
    public Duration duration() {
        return silentFor;
    }

    @Override
    public Set<String> sensorIds() {
        return Set.of(sensor.id());
    }

    @Override
    public Supply supply(Sensor s, Duration elapsed) {
        return elapsed.compareTo(silentFor) < 0 ? Supply.LOST_SILENTLY : Supply.ON;
    }

    @Override
    public Map<Metric, Double> adjust(Sensor s, Duration elapsed, Map<Metric, Double> normal) {
        return normal;
    }
}
