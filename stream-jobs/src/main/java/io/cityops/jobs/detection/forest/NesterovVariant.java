package io.cityops.jobs.detection.forest;

import java.util.Locale;

/**
 * The two forms of the Nesterov fire-danger index (DOMAIN.md, "Forest"): the Vietnamese one
 * multiplies the 13:00 temperature by the saturation deficit and resets after a day with 5 mm of
 * rain; the Russian original uses the dew-point depression and resets after 3 mm.
 */
public enum NesterovVariant {
    /** Vietnamese form (Decision 127/2000): d13 = saturation deficit in hPa, reset at 5 mm. */
    VN(5.0),
    /** Nesterov's original (1949): d = T − Td in °C, reset at 3 mm. */
    RU(3.0);

    private final double resetRainMm;

    NesterovVariant(double resetRainMm) {
        this.resetRainMm = resetRainMm;
    }

    /** A day with at least this much rain sets the index back to zero. */
    public double resetRainMm() {
        return resetRainMm;
    }

    /**
     * The dryness factor of one 13:00 observation: the saturation deficit (hPa) for {@link #VN},
     * the dew-point depression (°C) for {@link #RU}. The dew point is computed from temperature and
     * humidity when the station sent none (NaN).
     */
    public double dryness(double temperatureC, double humidityPct, double dewPointC) {
        return switch (this) {
            case VN -> Humidity.saturationDeficitHpa(temperatureC, humidityPct);
            case RU ->
                    temperatureC
                            - (Double.isFinite(dewPointC)
                                    ? dewPointC
                                    : Humidity.dewPointC(temperatureC, humidityPct));
        };
    }

    /** {@code vn} or {@code ru}, as in configuration. */
    public static NesterovVariant parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
