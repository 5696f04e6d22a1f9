package io.cityops.jobs.detection.forest;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Named test data for the forest detectors: the sample province's zone Mường Tè A ({@code
 * forest-107-a}, stations {@code fs-107-a1..a5}) and its neighbour Mường Tè B ({@code
 * forest-107-b}), a fixed dry-season start instant, and reading builders.
 */
final class ForestFixtures {
    private ForestFixtures() {}

    static final ZoneId LOCAL = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A dry-season morning in Lai Châu, 10:00 local; never the wall clock. */
    static final Instant T0 = Instant.parse("2026-03-10T10:00:00+07:00");

    /** The first day of the Nesterov scenarios. */
    static final LocalDate DAY1 = LocalDate.of(2026, 3, 10);

    static final String ZONE = "forest-107-a";
    static final String NEIGHBOUR = "forest-107-b";
    static final String A1 = "fs-107-a1";
    static final String A2 = "fs-107-a2";
    static final String A3 = "fs-107-a3";
    static final String B1 = "fs-107-b1";

    private static final CityModel CITY = CityModelLoader.sample();

    static CityModel city() {
        return CITY;
    }

    /** Event time in epoch ms, {@code minutes} after {@link #T0}. */
    static long minute(double minutes) {
        return T0.plus(Duration.ofSeconds(Math.round(minutes * 60))).toEpochMilli();
    }

    /** Event time of a local time on the {@code n}-th day (1 = {@link #DAY1}). */
    static long dayAt(int n, int hour) {
        return DAY1.plusDays(n - 1)
                .atTime(LocalTime.of(hour, 0))
                .atZone(LOCAL)
                .toInstant()
                .toEpochMilli();
    }

    /** Start (local midnight) of the {@code n}-th day. */
    static long dayStart(int n) {
        return dayAt(n, 0);
    }

    /** A reading of a station of the sample province with the given metrics. */
    static SensorReading reading(String station, long ts, Map<String, Double> metrics) {
        return new SensorReading(
                new Reading(station, Domain.FOREST, ts, Reading.NO_SEQ, metrics),
                CITY.sensor(station).orElseThrow());
    }

    /** Clean-air fire metrics: temperature and smoke as given, CO background. */
    static SensorReading air(String station, double minutes, double temperatureC, double smoke) {
        return reading(
                station,
                minute(minutes),
                Map.of(
                        "temperatureC", temperatureC,
                        "humidityPct", 60.0,
                        "rainfallMm", 0.0,
                        "smokePpm", smoke,
                        "coPpm", 0.3));
    }

    /** A flame detector firing, with otherwise clean air. */
    static SensorReading flame(String station, double minutes) {
        Map<String, Double> m = new HashMap<>(air(station, minutes, 22, 1).reading().metrics());
        m.put("flame", 1.0);
        return reading(station, minute(minutes), m);
    }

    /** Weather of a station: temperature, humidity and the rain of the interval. */
    static SensorReading weather(
            String station, long ts, double temperatureC, double humidityPct, double rainMm) {
        return reading(
                station,
                ts,
                Map.of(
                        "temperatureC", temperatureC,
                        "humidityPct", humidityPct,
                        "rainfallMm", rainMm,
                        "smokePpm", 1.0,
                        "coPpm", 0.3));
    }

    /**
     * The hand-computed dry spell (see {@code NesterovIndexTest}): day n's 13:00 temperature,
     * humidity and the day's rain. VN index after each day: 635.1, 1546.1, 2921.2 (level III), 0
     * (12 mm of rain), 635.1.
     */
    static final double[][] DRY_SPELL = {
        {30, 50, 0}, {32, 40, 2}, {35, 30, 0}, {25, 80, 12}, {30, 50, 4.9}
    };
}
