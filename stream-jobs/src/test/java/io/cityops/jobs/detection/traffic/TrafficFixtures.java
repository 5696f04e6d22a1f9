package io.cityops.jobs.detection.traffic;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.RoadSegment;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Named test data for traffic tests: the sample province's segments (QL4D and Lê Duẩn in Lai Châu
 * city, both 50 km/h free flow; QL4D in Tam Đường, 60 km/h), a fixed start instant, and readings
 * and detector minutes built from minutes after it.
 */
final class TrafficFixtures {
    private TrafficFixtures() {}

    /** A weekday morning; never the wall clock. */
    static final Instant T0 = Instant.parse("2025-07-21T07:00:00Z");

    static final String QL4D = "seg-105-1";
    static final String QL4D_UP = "td-105-1u";
    static final String QL4D_DOWN = "td-105-1d";
    static final String LE_DUAN = "seg-105-2";
    static final String LE_DUAN_UP = "td-105-2u";
    static final String LE_DUAN_DOWN = "td-105-2d";
    static final String TAM_DUONG = "seg-106-1";

    private static final CityModel CITY = CityModelLoader.sample();

    static CityModel city() {
        return CITY;
    }

    static RoadSegment segment(String id) {
        return CITY.roadSegment(id).orElseThrow();
    }

    /** Event time in epoch ms, {@code minutes} after {@link #T0}. */
    static long minute(double minutes) {
        return T0.plus(Duration.ofSeconds(Math.round(minutes * 60))).toEpochMilli();
    }

    /** A detector's reading, enriched with its registered sensor as the detection job does. */
    static SensorReading reading(String sensorId, double minutes, double speedKmh, double occ) {
        Reading r =
                new Reading(
                        sensorId,
                        Domain.TRAFFIC,
                        minute(minutes),
                        Reading.NO_SEQ,
                        Map.of("speedKmh", speedKmh, "occupancy", occ, "vehicleCount", 12.0));
        return new SensorReading(r, CITY.sensor(sensorId).orElseThrow());
    }

    /** One detector's minute as the per-detector window hands it on: one reading's worth. */
    static DetectorMinute detectorMinute(String sensorId, int minutes, double speed, double occ) {
        String segment = CITY.sensor(sensorId).orElseThrow().subjectId();
        return new DetectorMinute(segment, sensorId, minute(minutes), speed, 1, occ, 1, 12);
    }

    /** A segment's minute with both detectors. */
    static SegmentMinute both(
            String segmentId,
            int minutes,
            double upSpeed,
            double upOcc,
            double dnSpeed,
            double dnOcc) {
        RoadSegment s = segment(segmentId);
        return SegmentMinute.empty(minute(minutes))
                .with(detectorMinute(s.upstreamSensorId(), minutes, upSpeed, upOcc), s)
                .with(detectorMinute(s.downstreamSensorId(), minutes, dnSpeed, dnOcc), s);
    }
}
