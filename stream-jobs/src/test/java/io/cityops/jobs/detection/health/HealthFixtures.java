package io.cityops.jobs.detection.health;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Reading;
import io.cityops.model.city.GeoPoint;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Named sensors and readings for the health tests; event time counts from a fixed instant. */
final class HealthFixtures {
    private HealthFixtures() {}

    static final Instant T0 = Instant.parse("2025-03-10T00:00:00Z");

    /** A forest station reporting every 60 s: silent after 180 s. */
    static final Sensor FOREST =
            new Sensor(
                    "fs-104-01",
                    SensorKind.FOREST_STATION,
                    "104",
                    "fz-104-a",
                    new GeoPoint(22.3, 103.2),
                    60);

    static final Sensor METER =
            new Sensor(
                    "cm-105-0001",
                    SensorKind.CUSTOMER_METER,
                    "105",
                    "tr-105-01",
                    new GeoPoint(22.4, 103.4),
                    60);

    static long minute(double m) {
        return T0.plus(Duration.ofSeconds(Math.round(m * 60))).toEpochMilli();
    }

    static SensorReading reading(Sensor s, double minutes, Map<String, Double> metrics) {
        return new SensorReading(
                new Reading(s.id(), s.domain(), minute(minutes), Reading.NO_SEQ, metrics), s);
    }

    static SensorReading weather(double minutes, double temperatureC, double humidityPct) {
        return reading(
                FOREST,
                minutes,
                Map.of("temperatureC", temperatureC, "humidityPct", humidityPct, "flame", 0.0));
    }
}
