package io.cityops.simulator.values;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The weather at one station: temperature with its daily and yearly cycle, humidity derived from a
 * slowly drifting dew point (so the two always agree through {@link Magnus}), and wind.
 */
public final class Weather {

    /** One observation; the dew point is always below the temperature. */
    public record State(
            double temperatureC, double humidityPct, double dewPointC, double windSpeedMs) {}

    private final double offsetC;
    private final Wander temperatureNoise;
    private final Wander dewPointNoise;
    private final Wander windNoise;
    private final Wander saturationNoise;

    /**
     * @param offsetC the station's own offset from the district mean (altitude, exposure)
     */
    public Weather(SplittableRandom random, double offsetC) {
        this.offsetC = offsetC;
        this.temperatureNoise = new Wander(random, 0.8, Duration.ofMinutes(40));
        this.dewPointNoise = new Wander(random, 0.8, Duration.ofHours(2));
        this.windNoise = new Wander(random, 0.6, Duration.ofMinutes(20));
        this.saturationNoise = new Wander(random, 1.0, Duration.ofMinutes(10));
    }

    public State at(Instant t, boolean raining) {
        // Lai Châu highland climatology, roughly: monthly means ~14 °C in January, ~23 °C in July.
        double mean = 18.5 + 4.5 * Diurnal.season(t, 196) + offsetC;
        double amplitude = raining ? 2.0 : 5.5;
        double temperature = mean + amplitude * Diurnal.cosine(t, 14.5) + temperatureNoise.at(t);
        double dew = mean - (Diurnal.rainySeason(t) ? 2.5 : 5.0) + dewPointNoise.at(t);
        if (raining) {
            dew = temperature - 0.6;
        }
        // Night-time saturation is reported as high humidity, never as a dew point above the air.
        double humidity =
                Math.max(
                        15,
                        nearSaturation(
                                Magnus.humidityPct(temperature, Math.min(dew, temperature)),
                                saturationNoise.at(t)));
        double wind = Math.max(0.1, 1.2 + 1.3 * Diurnal.bump(t, 15, 3) + windNoise.at(t));
        return new State(temperature, humidity, Magnus.dewPointC(temperature, humidity), wind);
    }

    /**
     * What a hygrometer reads when the air's humidity is {@code rawPct}: as is up to 95 %, then
     * compressed towards 97 % (at 100 %) with about ±0.5 % of jitter, as capacitive sensors read in
     * fog. A hard cap would repeat one value all night, which is what a stuck sensor does.
     */
    static double nearSaturation(double rawPct, double noise) {
        double h = rawPct <= 95 ? rawPct : 95 + 0.4 * (Math.min(100, rawPct) - 95);
        double weight = Math.max(0, Math.min(1, (rawPct - 93) / 4));
        return Math.min(99, h + weight * 0.5 * noise);
    }
}
