package io.cityops.jobs.detection.air;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * An AQI: the highest sub-index rounded to an integer, the pollutant that gave it (the dominant
 * pollutant), its category, and every sub-index that could be computed (unrounded).
 */
public record AqiResult(
        AqiStandardId standard,
        int aqi,
        Pollutant dominant,
        AqiCategory category,
        Map<Pollutant, Double> subIndices) {

    /**
     * The AQI of the given sub-indices (NaN ones ignored); empty when neither PM10 nor PM2.5 has
     * one, as both standards require a particulate.
     */
    public static Optional<AqiResult> of(
            AqiStandardId standard, Map<Pollutant, Double> subIndices) {
        EnumMap<Pollutant, Double> present = new EnumMap<>(Pollutant.class);
        subIndices.forEach(
                (p, v) -> {
                    if (v != null && !Double.isNaN(v)) {
                        present.put(p, v);
                    }
                });
        if (!present.containsKey(Pollutant.PM25) && !present.containsKey(Pollutant.PM10)) {
            return Optional.empty();
        }
        Pollutant dominant = null;
        double max = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Pollutant, Double> e : present.entrySet()) {
            if (e.getValue() > max) { // ties keep the earlier pollutant, PM2.5 first
                max = e.getValue();
                dominant = e.getKey();
            }
        }
        int aqi = (int) Math.round(max);
        return Optional.of(
                new AqiResult(
                        standard,
                        aqi,
                        dominant,
                        AqiCategory.of(aqi),
                        Collections.unmodifiableMap(present)));
    }

    /** A sub-index, NaN when that pollutant had none. */
    public double subIndex(Pollutant p) {
        Double v = subIndices.get(p);
        return v == null ? Double.NaN : v;
    }
}
