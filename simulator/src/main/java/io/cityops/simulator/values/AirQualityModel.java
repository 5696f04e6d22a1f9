package io.cityops.simulator.values;

import io.cityops.model.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An air-quality station in a rural district of northern Vietnam, in µg/m³: particulates worse in
 * the dry season (field burning) and at the morning and evening inversions, ozone peaking in the
 * afternoon, traffic gases with the rush hours, rain washing particulates out.
 */
public final class AirQualityModel extends SuppliedModel {
    private final Weather weather;
    private final RainProcess rain;
    private final Wander pmNoise;
    private final Wander coarseNoise;
    private final Wander ozoneNoise;
    private final Wander trafficGasNoise;
    private final Wander so2Noise;

    public AirQualityModel(SplittableRandom random) {
        this.weather = new Weather(random, -1 + 2 * random.nextDouble());
        this.rain = new RainProcess(random);
        this.pmNoise = new Wander(random, 0.18, Duration.ofHours(2));
        this.coarseNoise = new Wander(random, 0.08, Duration.ofHours(1));
        this.ozoneNoise = new Wander(random, 6, Duration.ofMinutes(45));
        this.trafficGasNoise = new Wander(random, 0.15, Duration.ofMinutes(30));
        this.so2Noise = new Wander(random, 0.25, Duration.ofHours(1));
    }

    @Override
    protected Map<Metric, Double> sample(Instant t) {
        rain.since(t);
        Weather.State w = weather.at(t, rain.raining());
        double base = 24 - 8 * Diurnal.season(t, 196); // ~32 in the dry winter, ~16 in July
        double inversion =
                1
                        + 0.35 * Diurnal.bump(t, 8, 1.5)
                        + 0.45 * Diurnal.bump(t, 20.5, 2)
                        - 0.2 * Diurnal.bump(t, 14, 2.5);
        double pm25 = base * inversion * Math.exp(pmNoise.at(t)) * (rain.raining() ? 0.6 : 1);
        double rush = 1 + 0.5 * Diurnal.bump(t, 7.5, 1.2) + 0.6 * Diurnal.bump(t, 19, 1.8);
        double gas = Math.exp(trafficGasNoise.at(t));
        Map<Metric, Double> m = new EnumMap<>(Metric.class);
        m.put(Metric.PM25, pm25);
        m.put(Metric.PM10, pm25 * (1.55 + coarseNoise.at(t)));
        m.put(
                Metric.O3,
                Math.max(
                        2,
                        25
                                + 70 * Math.pow(Math.max(0, Diurnal.cosine(t, 14)), 1.5)
                                + ozoneNoise.at(t)));
        m.put(Metric.CO, 650 * rush * gas);
        m.put(Metric.NO2, 14 * (1 + 1.4 * (rush - 1)) * gas);
        m.put(Metric.SO2, 7 * Math.exp(so2Noise.at(t)));
        m.put(Metric.TEMPERATURE_C, w.temperatureC());
        m.put(Metric.HUMIDITY_PCT, w.humidityPct());
        return m;
    }
}
