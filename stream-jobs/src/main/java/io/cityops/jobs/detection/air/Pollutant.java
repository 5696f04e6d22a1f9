package io.cityops.jobs.detection.air;

import io.cityops.model.Metric;

/**
 * The six pollutants an air-quality index is built from, each with the reading metric that carries
 * it (µg/m³, DOMAIN.md "Environment") and its molar mass for conversion to the mixing ratios (ppb,
 * ppm) the US EPA tables use.
 */
public enum Pollutant {
    PM25(Metric.PM25, Double.NaN),
    PM10(Metric.PM10, Double.NaN),
    O3(Metric.O3, 48.00),
    CO(Metric.CO, 28.01),
    NO2(Metric.NO2, 46.01),
    SO2(Metric.SO2, 64.07);

    /** Litres per mole of an ideal gas at 25 °C and 1 atm: µg/m³ × 24.45 / M = ppb. */
    public static final double MOLAR_VOLUME_25C = 24.45;

    private final Metric metric;
    private final double molarMass;

    Pollutant(Metric metric, double molarMass) {
        this.metric = metric;
        this.molarMass = molarMass;
    }

    public Metric metric() {
        return metric;
    }

    /** The wire name, e.g. {@code pm25}; also the {@code dominant} label of aggregates. */
    public String key() {
        return metric.key();
    }

    /** A gas concentration in µg/m³ as parts per billion at 25 °C and 1 atm. */
    public double toPpb(double microgramsPerCubicMetre) {
        if (Double.isNaN(molarMass)) {
            throw new IllegalStateException(this + " is a particulate, not a gas");
        }
        return microgramsPerCubicMetre * MOLAR_VOLUME_25C / molarMass;
    }

    public boolean isParticulate() {
        return this == PM25 || this == PM10;
    }
}
