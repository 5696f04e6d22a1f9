package io.cityops.model;

import java.util.Optional;

/**
 * A measured quantity with its wire name, unit and physically possible range. A value outside the
 * range cannot come from a working instrument and is rejected at ingest; implausible-but-possible
 * values are left to the sensor-health detectors.
 */
public enum Metric {
    // Traffic (loop/radar detectors, per reporting interval).
    SPEED_KMH("speedKmh", "km/h", 0, 300),
    OCCUPANCY("occupancy", "%", 0, 100),
    VEHICLE_COUNT("vehicleCount", "veh", 0, 10_000),

    // Weather, shared by forest stations and environment stations.
    TEMPERATURE_C("temperatureC", "Cel", -60, 70),
    HUMIDITY_PCT("humidityPct", "%RH", 0, 100),
    DEW_POINT_C("dewPointC", "Cel", -80, 60),
    RAINFALL_MM("rainfallMm", "mm", 0, 500),
    WIND_SPEED_MS("windSpeedMs", "m/s", 0, 120),

    // Forest fire sensing.
    SMOKE_PPM("smokePpm", "ppm", 0, 100_000),
    CO_PPM("coPpm", "ppm", 0, 10_000),
    FLAME("flame", "1", 0, 1),

    // Air quality, µg/m³ as VN_AQI takes them (DOMAIN.md).
    PM25("pm25", "ug/m3", 0, 5_000),
    PM10("pm10", "ug/m3", 0, 10_000),
    O3("o3", "ug/m3", 0, 10_000),
    CO("co", "ug/m3", 0, 500_000),
    NO2("no2", "ug/m3", 0, 20_000),
    SO2("so2", "ug/m3", 0, 20_000),

    // Hydrology: river level above the station's datum, in cm (Mường Tè level III is 29 000 cm).
    WATER_LEVEL_CM("waterLevelCm", "cm", -10_000, 1_000_000),

    // Power meters (LV grid, 50 Hz).
    VOLTAGE_V("voltageV", "V", 0, 1_000),
    CURRENT_A("currentA", "A", 0, 10_000),
    FREQUENCY_HZ("frequencyHz", "Hz", 0, 100),
    ACTIVE_POWER_W("activePowerW", "W", -10_000_000, 10_000_000),
    ENERGY_WH("energyWh", "Wh", 0, 1e15),
    REVERSE_ENERGY_WH("reverseEnergyWh", "Wh", 0, 1e15),
    LAST_GASP("lastGasp", "1", 0, 1);

    private final String key;
    private final String unit;
    private final double min;
    private final double max;

    Metric(String key, String unit, double min, double max) {
        this.key = key;
        this.unit = unit;
        this.min = min;
        this.max = max;
    }

    /** The name used in JSON payloads and in history, e.g. {@code waterLevelCm}. */
    public String key() {
        return key;
    }

    /** The unit, as a SenML unit symbol where one exists. */
    public String unit() {
        return unit;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** True when a working instrument could report this value. */
    public boolean isPossible(double value) {
        return value >= min && value <= max;
    }

    public static Optional<Metric> byKey(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
