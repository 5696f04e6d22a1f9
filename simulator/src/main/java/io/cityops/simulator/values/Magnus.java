package io.cityops.simulator.values;

/**
 * Dew point and relative humidity by the Magnus formula, with the Sonntag (1990) coefficients over
 * water (b = 17.62, c = 243.12 °C), good to a few tenths of a degree from −45 to 60 °C.
 */
public final class Magnus {
    private static final double B = 17.62;
    private static final double C = 243.12;

    private Magnus() {}

    public static double dewPointC(double temperatureC, double humidityPct) {
        double gamma = Math.log(humidityPct / 100) + B * temperatureC / (C + temperatureC);
        return C * gamma / (B - gamma);
    }

    public static double humidityPct(double temperatureC, double dewPointC) {
        return 100
                * Math.exp(B * dewPointC / (C + dewPointC) - B * temperatureC / (C + temperatureC));
    }
}
