package io.cityops.simulator.incidents;

import io.cityops.model.Metric;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.Transformer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A customer meter with a reversed connection on part of the household's wiring: for ten minutes
 * its export register ({@code reverseEnergyWh}, from 0) counts {@link #REVERSED_SHARE} of the
 * energy the household draws — a few Wh at least, past the 1 Wh an hour that makes a tamper
 * suspect. The import register and the other values are left as they are. The tamper detector
 * judges whole hours, so its signal comes at the end of the clock hour holding the incident.
 *
 * <p>The export register counts from the import register's value at the first reading this incident
 * adjusts, which is remembered.
 */
public final class MeterTamper implements Incident {
    static final double REVERSED_SHARE = 0.4;
    static final Duration REVERSED_FOR = Duration.ofMinutes(10);

    private final Transformer transformer;
    private final String meterId;
    private final Map<String, Double> importAtStart = new HashMap<>();

    public MeterTamper(Transformer transformer, String meterId) {
        this.transformer = transformer;
        this.meterId = meterId;
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.METER_TAMPER;
    }

    @Override
    public String description() {
        return "meter tamper at "
                + meterId
                + " on "
                + transformer.name()
                + " ("
                + transformer.id()
                + "): reverse energy registered for "
                + REVERSED_FOR.toMinutes()
                + " min";
    }

    @Override
    public Duration duration() {
        return REVERSED_FOR;
    }

    @Override
    public Set<String> sensorIds() {
        return Set.of(meterId);
    }

    @Override
    public Map<Metric, Double> adjust(Sensor sensor, Duration elapsed, Map<Metric, Double> normal) {
        Double wh = normal.get(Metric.ENERGY_WH);
        if (wh == null || normal.containsKey(Metric.LAST_GASP)) {
            return normal;
        }
        double from = importAtStart.computeIfAbsent(sensor.id(), id -> wh);
        Map<Metric, Double> m = new HashMap<>(normal);
        m.put(Metric.REVERSE_ENERGY_WH, REVERSED_SHARE * Math.max(0, wh - from));
        return m;
    }
}
