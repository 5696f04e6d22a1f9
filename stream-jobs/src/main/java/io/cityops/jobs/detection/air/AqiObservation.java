package io.cityops.jobs.detection.air;

import io.cityops.model.Aggregate;
import io.cityops.model.Domain;
import java.util.HashMap;
import java.util.Map;

/**
 * One AQI of one station, or of one district (the highest of its stations), for one hour or one
 * day; the record that flows between the air-quality operators.
 *
 * @param subjectId the station id, or the district id for a district AQI
 * @param stationId the station the AQI comes from (for a district: its worst station)
 * @param window {@code 1h} or {@code 1d}
 * @param windowStart event time (epoch ms) the hour or local day starts at
 * @param pm25Index the unrounded sub-indices, NaN when not computed
 */
public record AqiObservation(
        String subjectId,
        String stationId,
        String districtId,
        String window,
        long windowStart,
        AqiStandardId standard,
        int aqi,
        AqiCategory category,
        Pollutant dominant,
        double pm25Index,
        double pm10Index,
        double o3Index,
        double coIndex,
        double no2Index,
        double so2Index) {

    public static final String HOURLY = "1h";
    public static final String DAILY = "1d";

    public static AqiObservation ofStation(
            String stationId, String districtId, String window, long windowStart, AqiResult r) {
        return new AqiObservation(
                stationId,
                stationId,
                districtId,
                window,
                windowStart,
                r.standard(),
                r.aqi(),
                r.category(),
                r.dominant(),
                r.subIndex(Pollutant.PM25),
                r.subIndex(Pollutant.PM10),
                r.subIndex(Pollutant.O3),
                r.subIndex(Pollutant.CO),
                r.subIndex(Pollutant.NO2),
                r.subIndex(Pollutant.SO2));
    }

    /** This station's AQI as its district's (subject = the district). */
    public AqiObservation asDistrict() {
        return new AqiObservation(
                districtId,
                stationId,
                districtId,
                window,
                windowStart,
                standard,
                aqi,
                category,
                dominant,
                pm25Index,
                pm10Index,
                o3Index,
                coIndex,
                no2Index,
                so2Index);
    }

    /** The worse of two: higher AQI, on a tie the smaller station id (deterministic). */
    public boolean isWorseThan(AqiObservation other) {
        return aqi != other.aqi ? aqi > other.aqi : stationId.compareTo(other.stationId) < 0;
    }

    public double subIndex(Pollutant p) {
        return switch (p) {
            case PM25 -> pm25Index;
            case PM10 -> pm10Index;
            case O3 -> o3Index;
            case CO -> coIndex;
            case NO2 -> no2Index;
            case SO2 -> so2Index;
        };
    }

    /**
     * As an {@code air.station} or {@code air.district} aggregate: value {@code aqi} and the
     * sub-indices as {@code <pollutant>_aqi}; labels {@code dominant}, {@code category}, {@code
     * categoryName}, {@code color}, {@code standard}, and {@code station} for a district.
     */
    public Aggregate toAggregate(String kind) {
        Map<String, Double> values = new HashMap<>();
        values.put("aqi", (double) aqi);
        for (Pollutant p : Pollutant.values()) {
            double v = subIndex(p);
            if (!Double.isNaN(v)) {
                values.put(p.key() + "_aqi", Math.round(v * 10) / 10.0);
            }
        }
        Map<String, String> labels = new HashMap<>();
        labels.put("dominant", dominant.key());
        labels.put("category", category.code());
        labels.put("categoryName", category.nameIn(standard));
        labels.put("color", category.hex());
        labels.put("standard", standard.code());
        if (!subjectId.equals(stationId)) {
            labels.put("station", stationId);
        }
        return new Aggregate(
                kind,
                subjectId,
                Domain.ENVIRONMENT,
                districtId,
                window,
                windowStart,
                values,
                labels);
    }
}
