package io.cityops.jobs.detection.forest;

/**
 * Saturation vapour pressure, saturation deficit and dew point by the Magnus formula with the
 * Sonntag (1990) coefficients over water (E = 6.112 hPa · exp(17.62 T / (243.12 + T))), the same
 * the simulator uses; good to a few tenths of a percent from −45 to 60 °C.
 */
public final class Humidity {
    private static final double E0_HPA = 6.112;
    private static final double B = 17.62;
    private static final double C = 243.12;

    private Humidity() {}

    /** Saturation vapour pressure over water at {@code temperatureC}, in hPa. */
    public static double saturationVapourPressureHpa(double temperatureC) {
        return E0_HPA * Math.exp(B * temperatureC / (C + temperatureC));
    }

    /**
     * How much more water vapour the air could hold, E(T) − e, in hPa: the d13 of the Vietnamese
     * Nesterov index. Humidity is clipped to 0..100 % so sensor overshoot cannot make it negative.
     */
    public static double saturationDeficitHpa(double temperatureC, double humidityPct) {
        double rh = Math.max(0, Math.min(100, humidityPct));
        return saturationVapourPressureHpa(temperatureC) * (1 - rh / 100);
    }

    /** Dew point in °C from temperature and relative humidity (above 0 %). */
    public static double dewPointC(double temperatureC, double humidityPct) {
        double rh = Math.max(0.1, Math.min(100, humidityPct));
        double gamma = Math.log(rh / 100) + B * temperatureC / (C + temperatureC);
        return C * gamma / (B - gamma);
    }
}
