package io.cityops.simulator.incidents;

import io.cityops.model.Metric;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.Transformer;
import io.cityops.simulator.values.Supply;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * A transformer losing its supply (a blown medium-voltage fuse): every meter it feeds goes dark for
 * a few minutes; most send a last gasp first (voltage 0, lastGasp 1), the rest just fall silent, as
 * last-gasp delivery is never certain. Then the supply returns and the meters report again.
 */
public final class PowerOutage implements Incident {
    private final Transformer transformer;
    private final Set<String> meterIds;
    private final Set<String> gaspingIds;
    private final Duration out;

    /**
     * @param meterIds every meter of the transformer
     * @param gaspingIds those whose last gasp gets through
     */
    public PowerOutage(
            Transformer transformer, Set<String> meterIds, Set<String> gaspingIds, Duration out) {
        if (!meterIds.containsAll(gaspingIds)) {
            throw new IllegalArgumentException(
                    "gasping meters must be meters of " + transformer.id());
        }
        this.transformer = transformer;
        this.meterIds = Set.copyOf(meterIds);
        this.gaspingIds = Set.copyOf(gaspingIds);
        this.out = out;
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.POWER_OUTAGE;
    }

    @Override
    public String description() {
        return "power outage at "
                + transformer.name()
                + " ("
                + transformer.id()
                + "): "
                + meterIds.size()
                + " meters dark, "
                + gaspingIds.size()
                + " last gasps, supply back after "
                + out.toSeconds()
                + " s";
    }

    @Override
    public Duration duration() {
        return out;
    }

    @Override
    public Set<String> sensorIds() {
        return meterIds;
    }

    @Override
    public Supply supply(Sensor sensor, Duration elapsed) {
        if (elapsed.compareTo(out) >= 0) {
            return Supply.ON;
        }
        return gaspingIds.contains(sensor.id()) ? Supply.LOST : Supply.LOST_SILENTLY;
    }

    @Override
    public Map<Metric, Double> adjust(Sensor sensor, Duration elapsed, Map<Metric, Double> normal) {
        return normal;
    }
}
