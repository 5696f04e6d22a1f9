package io.cityops.simulator.incidents;

import io.cityops.model.Metric;
import io.cityops.model.city.Sensor;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A forest station whose data logger hangs: for eight minutes it resends, every 15 s, the very
 * frame it took first (temperature, humidity, dew point, wind, smoke, CO — all identical; no new
 * rain is counted), 32 readings in all, well past the 20 identical readings that make a sensor
 * stuck. Then the logger restarts and the live values come back.
 *
 * <p>The frozen frame is the first one this incident adjusts, so it is remembered per sensor.
 */
public final class StuckSensor implements Incident {
    static final Duration STUCK_FOR = Duration.ofMinutes(8);
    static final Duration RESEND_EVERY = Duration.ofSeconds(15);

    private final Sensor sensor;
    private final Map<String, Map<Metric, Double>> frozen = new HashMap<>();

    public StuckSensor(Sensor sensor) {
        this.sensor = sensor;
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.STUCK_SENSOR;
    }

    @Override
    public String description() {
        return "stuck sensor "
                + sensor.id()
                + " ("
                + sensor.kind()
                + " in "
                + sensor.subjectId()
                + "): repeats one frame every "
                + RESEND_EVERY.toSeconds()
                + " s for "
                + STUCK_FOR.toMinutes()
                + " min";
    }

    @Override
    public Duration duration() {
        return STUCK_FOR;
    }

    @Override
    public Set<String> sensorIds() {
        return Set.of(sensor.id());
    }

    @Override
    public Map<Metric, Double> adjust(Sensor s, Duration elapsed, Map<Metric, Double> normal) {
        Map<Metric, Double> frame =
                frozen.computeIfAbsent(
                        s.id(),
                        id -> {
                            Map<Metric, Double> f = new EnumMap<>(normal);
                            f.computeIfPresent(Metric.RAINFALL_MM, (k, v) -> 0.0);
                            return f;
                        });
        return new EnumMap<>(frame);
    }

    @Override
    public Optional<Duration> reportEvery(Sensor s) {
        return Optional.of(RESEND_EVERY);
    }
}
