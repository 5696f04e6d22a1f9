package io.cityops.bench.support;

import io.cityops.model.city.CityModel;
import io.cityops.model.city.RiverStation;
import io.cityops.model.city.Sensor;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Valid native-JSON payloads (ARCHITECTURE.md, Contracts) for any sensor, with plausible values per
 * kind, as a device would publish them. River gauges read below alarm level I unless asked for a
 * level; {@code wobble} (0..1) varies the values so that consecutive readings differ.
 */
public final class Payloads {
    private final CityModel city;

    public Payloads(CityModel city) {
        this.city = city;
    }

    public byte[] reading(Sensor s, long ts, long seq, double wobble) {
        return utf8(json(s, ts, seq, metrics(s, wobble)));
    }

    /** A river gauge's reading at an exact water level (cm above the station datum). */
    public static byte[] riverLevel(String sensorId, long ts, long seq, double levelCm) {
        return utf8(
                json(
                        sensorId,
                        ts,
                        seq,
                        String.format(Locale.ROOT, "\"waterLevelCm\":%.1f", levelCm)));
    }

    /** A river gauge's reading as a one-record SenML pack (RFC 8428): level in m, time in s. */
    public static byte[] senmlRiverLevel(String sensorId, long ts, double levelCm) {
        return utf8(
                String.format(
                        Locale.ROOT,
                        "[{\"bn\":\"urn:dev:id:%s:\",\"bt\":%.3f,\"bu\":\"m\",\"n\":\"level\",\"v\":%.3f}]",
                        sensorId,
                        ts / 1000.0,
                        levelCm / 100.0));
    }

    /** The station a river gauge watches. */
    public RiverStation stationOf(Sensor gauge) {
        return city.riverStation(gauge.subjectId())
                .orElseThrow(() -> new IllegalArgumentException(gauge.id() + " has no station"));
    }

    private String metrics(Sensor s, double w) {
        return switch (s.kind()) {
            case TRAFFIC_DETECTOR ->
                    String.format(
                            Locale.ROOT,
                            "\"speedKmh\":%.1f,\"occupancy\":%.1f,\"vehicleCount\":%d",
                            35 + 20 * w,
                            8 + 10 * w,
                            (int) (10 + 20 * w));
            case FOREST_STATION ->
                    String.format(
                            Locale.ROOT,
                            "\"temperatureC\":%.1f,\"humidityPct\":%.1f,\"smokePpm\":%.2f,\"coPpm\":%.2f,\"windSpeedMs\":%.1f",
                            22 + 5 * w,
                            70 + 10 * w,
                            0.5 + w,
                            0.3 + w,
                            2 + 3 * w);
            case AIR_QUALITY_STATION ->
                    String.format(
                            Locale.ROOT,
                            "\"pm25\":%.1f,\"pm10\":%.1f,\"o3\":%.1f,\"co\":%.1f,\"no2\":%.1f,\"so2\":%.1f",
                            15 + 20 * w,
                            30 + 30 * w,
                            40 + 20 * w,
                            500 + 300 * w,
                            20 + 10 * w,
                            5 + 5 * w);
            case RAIN_GAUGE -> String.format(Locale.ROOT, "\"rainfallMm\":%.1f", 2 * w);
            case RIVER_GAUGE ->
                    String.format(
                            Locale.ROOT,
                            "\"waterLevelCm\":%.1f",
                            stationOf(s).level1Cm() - 150 + 50 * w);
            case CUSTOMER_METER, TRANSFORMER_METER ->
                    String.format(
                            Locale.ROOT,
                            "\"voltageV\":%.1f,\"currentA\":%.2f,\"frequencyHz\":%.2f,\"activePowerW\":%.1f,\"energyWh\":%.1f",
                            228 + 4 * w,
                            3 + 2 * w,
                            49.95 + 0.1 * w,
                            700 + 400 * w,
                            1_000_000 + 1000 * w);
        };
    }

    private static String json(Sensor s, long ts, long seq, String metrics) {
        return json(s.id(), ts, seq, metrics);
    }

    private static String json(String sensorId, long ts, long seq, String metrics) {
        return "{\"sensorId\":\""
                + sensorId
                + "\",\"ts\":"
                + ts
                + ",\"seq\":"
                + seq
                + ",\"metrics\":{"
                + metrics
                + "}}";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
