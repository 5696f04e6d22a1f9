package io.cityops.simulator.values;

import io.cityops.model.city.CityModel;
import io.cityops.model.city.Sensor;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Builds the value model of every sensor of a city model, wiring meters to their feeders. */
public final class ValueModels {
    private ValueModels() {}

    /** Models by sensor id, sorted by id. */
    public static Map<String, ValueModel> forCity(CityModel city, long seed) {
        Wander grid = Feeder.gridFrequency(Seeds.stream(seed, "grid"));
        Map<String, Feeder> feeders = new HashMap<>();
        Map<String, ValueModel> models = new TreeMap<>();
        for (Sensor s : city.sensors()) {
            SplittableRandom r = Seeds.stream(seed, s.id());
            ValueModel model =
                    switch (s.kind()) {
                        case TRAFFIC_DETECTOR ->
                                new TrafficModel(
                                        r,
                                        city.roadSegment(s.subjectId()).orElseThrow().freeFlowKmh(),
                                        Duration.ofSeconds(s.heartbeatSec()));
                        case FOREST_STATION -> new ForestStationModel(r);
                        case AIR_QUALITY_STATION -> new AirQualityModel(r);
                        case RAIN_GAUGE -> new RainGaugeModel(r);
                        case RIVER_GAUGE ->
                                new RiverLevelModel(
                                        r, city.riverStation(s.subjectId()).orElseThrow());
                        case CUSTOMER_METER ->
                                new CustomerMeterModel(r, feeder(feeders, s, seed, grid));
                        case TRANSFORMER_METER ->
                                new TransformerMeterModel(r, feeder(feeders, s, seed, grid));
                    };
            models.put(s.id(), model);
        }
        return models;
    }

    private static Feeder feeder(Map<String, Feeder> feeders, Sensor s, long seed, Wander grid) {
        return feeders.computeIfAbsent(
                s.subjectId(), id -> new Feeder(Seeds.stream(seed, "feeder:" + id), grid));
    }
}
