package io.cityops.jobs.detection.rain;

/** A gauge's rain over the last hour, three hours and day (mm), ending at one instant. */
public record RainSums(double rain1hMm, double rain3hMm, double rain24hMm) {

    public static final RainSums ZERO = new RainSums(0, 0, 0);

    public boolean isZero() {
        return rain1hMm == 0 && rain3hMm == 0 && rain24hMm == 0;
    }
}
