package io.cityops.jobs.detection.air;

/**
 * One air-quality station's hourly mean concentrations in µg/m³ (NaN for a pollutant it did not
 * report that hour), the output of the station's event-time tumbling one-hour window.
 *
 * @param hourStart event time (epoch ms) the hour starts at
 * @param readings how many readings the means are built from
 */
public record StationHour(
        String stationId,
        String districtId,
        long hourStart,
        double pm25,
        double pm10,
        double o3,
        double co,
        double no2,
        double so2,
        int readings) {

    public static final long HOUR_MS = 3_600_000L;

    public double value(Pollutant p) {
        return switch (p) {
            case PM25 -> pm25;
            case PM10 -> pm10;
            case O3 -> o3;
            case CO -> co;
            case NO2 -> no2;
            case SO2 -> so2;
        };
    }

    /** Event time of the hour's last millisecond, the timestamp the window emits it with. */
    public long hourEnd() {
        return hourStart + HOUR_MS - 1;
    }
}
