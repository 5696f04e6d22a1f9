package io.cityops.simulator.values;

import io.cityops.model.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/** A forest-monitoring station: weather, rain, and clean-air smoke and CO backgrounds. */
public final class ForestStationModel extends SuppliedModel {
    private final Weather weather;
    private final RainProcess rain;
    private final Wander smokeNoise;
    private final Wander coNoise;

    public ForestStationModel(SplittableRandom random) {
        this.weather = new Weather(random, -1.5 + 3 * random.nextDouble());
        this.rain = new RainProcess(random);
        this.smokeNoise = new Wander(random, 0.3, Duration.ofMinutes(30));
        this.coNoise = new Wander(random, 0.1, Duration.ofMinutes(30));
    }

    @Override
    protected Map<Metric, Double> sample(Instant t) {
        double rainfall = rain.since(t);
        Weather.State w = weather.at(t, rain.raining());
        Map<Metric, Double> m = new EnumMap<>(Metric.class);
        m.put(Metric.TEMPERATURE_C, w.temperatureC());
        m.put(Metric.HUMIDITY_PCT, w.humidityPct());
        m.put(Metric.DEW_POINT_C, w.dewPointC());
        m.put(Metric.RAINFALL_MM, rainfall);
        m.put(Metric.WIND_SPEED_MS, w.windSpeedMs());
        m.put(Metric.SMOKE_PPM, Math.max(0.05, 0.8 + smokeNoise.at(t)));
        m.put(Metric.CO_PPM, Math.max(0.02, 0.35 + coNoise.at(t)));
        return m;
    }
}
