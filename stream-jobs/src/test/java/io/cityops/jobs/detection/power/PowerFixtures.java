package io.cityops.jobs.detection.power;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.Sensor;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Named test data for the power detectors: the sample province's transformer {@code tr-105-1}
 * (transformer meter {@code pm-105-1-00}, customer meters {@code pm-105-1-01} … {@code -10}, all
 * with a 60 s heartbeat) and its neighbour {@code tr-105-2}; a fixed start instant; readings built
 * from minutes after it.
 */
final class PowerFixtures {
    private PowerFixtures() {}

    static final Instant T0 = Instant.parse("2025-07-20T00:00:00Z");
    static final String TR = "tr-105-1";
    static final String OTHER_TR = "tr-105-2";
    static final String TR_METER = "pm-105-1-00";

    private static final CityModel CITY = CityModelLoader.sample();

    static CityModel city() {
        return CITY;
    }

    static TransformerMeters roll() {
        return new TransformerMeters(CITY);
    }

    /** Customer meter {@code n} (1..10) of {@link #TR}. */
    static String customer(int n) {
        return String.format("pm-105-1-%02d", n);
    }

    static String customer(String transformer, int n) {
        return String.format("pm-%s-%02d", transformer.substring(3), n);
    }

    static List<String> customers() {
        return IntStream.rangeClosed(1, 10).mapToObj(PowerFixtures::customer).toList();
    }

    static long minute(double minutes) {
        return T0.plus(Duration.ofSeconds(Math.round(minutes * 60))).toEpochMilli();
    }

    static Sensor sensor(String id) {
        return CITY.sensor(id).orElseThrow();
    }

    static SensorReading reading(String meter, long ts, Map<String, Double> metrics) {
        return new SensorReading(
                new Reading(meter, Domain.POWER, ts, Reading.NO_SEQ, metrics), sensor(meter));
    }

    /** A normal reading: voltage and cumulative energy. */
    static SensorReading normal(String meter, long ts, double volts, double energyWh) {
        return reading(meter, ts, Map.of("voltageV", volts, "energyWh", energyWh));
    }

    static SensorReading volts(String meter, long ts, double volts) {
        return reading(meter, ts, Map.of("voltageV", volts));
    }

    static SensorReading lastGasp(String meter, long ts, double energyWh) {
        Map<String, Double> m = new HashMap<>();
        m.put("voltageV", 0.0);
        m.put("lastGasp", 1.0);
        m.put("energyWh", energyWh);
        return reading(meter, ts, m);
    }

    static SensorReading energy(String meter, long ts, double energyWh) {
        return reading(meter, ts, Map.of("energyWh", energyWh));
    }
}
