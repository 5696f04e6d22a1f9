package io.cityops.simulator.incidents;

import io.cityops.model.Metric;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.Transformer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Low voltage at the far end of one transformer's low-voltage lines (an overloaded line or a loose
 * neutral): a minority of its customer meters see their voltage fall by {@link #SAG_V} — about 195
 * V instead of 220, below the −5 % band (209 V) yet far from the near-zero of an outage — within 30
 * s, held eight minutes (past the five a meter must stay outside the band to be signalled), then
 * restored within 30 s. The load draws the same power, so the current rises as the voltage falls.
 * The transformer meter and the other meters are untouched, and the meters keep their own noise.
 */
public final class VoltageSag implements Incident {
    static final double SAG_V = 25;
    static final double RISE_S = 30;
    static final double RESTORE_FROM_S = 480;
    static final double RESTORE_OVER_S = 30;

    private final Transformer transformer;
    private final Set<String> meterIds;
    private final int customers;

    /**
     * @param meterIds the sagging customer meters, fewer than half of {@code customers}
     * @param customers how many customer meters the transformer feeds
     */
    public VoltageSag(Transformer transformer, Set<String> meterIds, int customers) {
        if (meterIds.isEmpty() || 2 * meterIds.size() >= customers) {
            throw new IllegalArgumentException(
                    "a sag affects some but fewer than half of the meters, not "
                            + meterIds.size()
                            + " of "
                            + customers);
        }
        this.transformer = transformer;
        this.meterIds = Set.copyOf(meterIds);
        this.customers = customers;
    }

    public Transformer transformer() {
        return transformer;
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.VOLTAGE_SAG;
    }

    @Override
    public String description() {
        return "voltage sag at "
                + transformer.name()
                + " ("
                + transformer.id()
                + "): "
                + meterIds.size()
                + " of "
                + customers
                + " customer meters about "
                + (long) SAG_V
                + " V low for "
                + (long) RESTORE_FROM_S / 60
                + " min";
    }

    @Override
    public Duration duration() {
        return Duration.ofSeconds((long) (RESTORE_FROM_S + RESTORE_OVER_S));
    }

    @Override
    public Set<String> sensorIds() {
        return meterIds;
    }

    @Override
    public Map<Metric, Double> adjust(Sensor sensor, Duration elapsed, Map<Metric, Double> normal) {
        double r = Shape.envelope(Shape.seconds(elapsed), RISE_S, RESTORE_FROM_S, RESTORE_OVER_S);
        Double v = normal.get(Metric.VOLTAGE_V);
        if (v == null || r == 0) {
            return normal;
        }
        double sagged = v - SAG_V * r;
        Map<Metric, Double> m = new HashMap<>(normal);
        m.put(Metric.VOLTAGE_V, sagged);
        m.computeIfPresent(Metric.CURRENT_A, (k, a) -> a * v / sagged);
        return m;
    }
}
