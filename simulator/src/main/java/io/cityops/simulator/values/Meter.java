package io.cityops.simulator.values;

import io.cityops.model.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every smart meter does with its supply: integrate energy over the power it delivered, send
 * one last gasp when the supply goes, keep silent while it is away. Subclasses give the load.
 */
abstract class Meter implements ValueModel {
    private double energyWh;
    private double deliveredW;
    private boolean supplied = true;
    private Instant last;

    Meter(double initialEnergyWh) {
        this.energyWh = initialEnergyWh;
    }

    /** Power drawn at the latest reading, 0 while the supply is lost. */
    double deliveredPowerW() {
        return deliveredW;
    }

    @Override
    public final Optional<Map<Metric, Double>> next(Instant t, Supply supply) {
        if (last != null && t.isAfter(last)) {
            // Left-hand integration: the power of the previous reading held until now.
            energyWh += deliveredW * Duration.between(last, t).toMillis() / 3.6e6;
        }
        last = t;
        boolean wasSupplied = supplied;
        supplied = supply == Supply.ON;
        if (!supplied) {
            deliveredW = 0;
            return wasSupplied && supply == Supply.LOST
                    ? Optional.of(lastGasp())
                    : Optional.empty();
        }
        Load load = load(t);
        deliveredW = load.powerW();
        Map<Metric, Double> m = new EnumMap<>(Metric.class);
        m.put(Metric.VOLTAGE_V, load.voltageV());
        m.put(Metric.CURRENT_A, load.currentA());
        m.put(Metric.FREQUENCY_HZ, load.frequencyHz());
        m.put(Metric.ACTIVE_POWER_W, load.powerW());
        m.put(Metric.ENERGY_WH, energyWh);
        return Optional.of(m);
    }

    private Map<Metric, Double> lastGasp() {
        Map<Metric, Double> m = new EnumMap<>(Metric.class);
        m.put(Metric.VOLTAGE_V, 0.0);
        m.put(Metric.CURRENT_A, 0.0);
        m.put(Metric.ACTIVE_POWER_W, 0.0);
        m.put(Metric.ENERGY_WH, energyWh);
        m.put(Metric.LAST_GASP, 1.0);
        return m;
    }

    /** The electrical state at {@code t} with supply on. */
    protected abstract Load load(Instant t);

    /** Voltage, current, frequency and active power at one instant. */
    protected record Load(double voltageV, double currentA, double frequencyHz, double powerW) {}
}
