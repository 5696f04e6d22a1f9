package io.cityops.simulator.device;

import io.cityops.model.Metric;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns model values into what a device sends: clamped into each metric's physically possible range
 * (a simulator must never produce what ingest would reject as impossible) and rounded to the
 * resolution a real instrument reports, keyed by wire name in a stable order.
 */
public final class WireValues {
    private WireValues() {}

    public static Map<String, Double> of(Map<Metric, Double> values) {
        Map<String, Double> wire = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            Double v = values.get(m);
            if (v != null && Double.isFinite(v)) {
                wire.put(m.key(), round(m, Math.max(m.min(), Math.min(m.max(), v))));
            }
        }
        return wire;
    }

    static double round(Metric m, double v) {
        double scale =
                switch (m) {
                    case VEHICLE_COUNT, LAST_GASP, FLAME -> 1;
                    case ENERGY_WH, REVERSE_ENERGY_WH, WATER_LEVEL_CM, ACTIVE_POWER_W -> 10;
                    case FREQUENCY_HZ, CURRENT_A -> 1000;
                    default -> 100;
                };
        return Math.rint(v * scale) / scale;
    }
}
