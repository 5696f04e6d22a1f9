package io.cityops.ingest.parse;

import io.cityops.model.Domain;
import io.cityops.model.Metric;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one table that maps SenML (RFC 8428) names and units onto the platform's metrics: per domain,
 * which measurement names mean which {@link Metric} (the native metric key always does), and per
 * metric, which SenML units it accepts and how each converts to the metric's own unit. A name or
 * unit that is not here is rejected rather than guessed.
 */
public final class SenmlVocabulary {

    /**
     * A unit conversion to the metric's unit: {@code value × factor ÷ divisor + offset}, in decimal
     * arithmetic so that 286.4 m is 28640 cm and not 28639.999999999996.
     */
    public record Conversion(double factor, double divisor, double offset) {
        Conversion(double factor, double offset) {
            this(factor, 1, offset);
        }

        public double apply(double value) {
            if ((factor == 1 && divisor == 1 && offset == 0) || !Double.isFinite(value)) {
                return value * factor / divisor + offset;
            }
            return BigDecimal.valueOf(value)
                    .multiply(BigDecimal.valueOf(factor))
                    .divide(BigDecimal.valueOf(divisor), MathContext.DECIMAL64)
                    .add(BigDecimal.valueOf(offset))
                    .doubleValue();
        }
    }

    /** A measurement name resolved: the metric and the value in the metric's unit. */
    public record Resolved(Metric metric, double value) {}

    /** Why a name and unit did not resolve. */
    public enum Miss {
        UNKNOWN_NAME,
        UNKNOWN_UNIT,
        NO_UNIT
    }

    private static final Conversion SAME = new Conversion(1, 0);
    private static final Map<Domain, Map<String, Metric>> NAMES = new EnumMap<>(Domain.class);
    private static final Map<Metric, Map<String, Conversion>> UNITS = new EnumMap<>(Metric.class);

    static {
        // Measurement names, per domain: "co" is a forest station's CO in ppm but an air-quality
        // station's CO in µg/m³ (VN_AQI takes µg/m³, DOMAIN.md).
        names(Domain.TRAFFIC, Metric.SPEED_KMH, "speed");
        names(Domain.TRAFFIC, Metric.OCCUPANCY, "occupancy");
        names(Domain.TRAFFIC, Metric.VEHICLE_COUNT, "count", "vehicles");
        names(Domain.FOREST, Metric.TEMPERATURE_C, "temperature", "temp");
        names(Domain.FOREST, Metric.HUMIDITY_PCT, "humidity");
        names(Domain.FOREST, Metric.DEW_POINT_C, "dewPoint", "dewpoint");
        names(Domain.FOREST, Metric.RAINFALL_MM, "rainfall", "rain");
        names(Domain.FOREST, Metric.WIND_SPEED_MS, "windSpeed", "wind");
        names(Domain.FOREST, Metric.SMOKE_PPM, "smoke");
        names(Domain.FOREST, Metric.CO_PPM, "co");
        names(Domain.FOREST, Metric.FLAME, "flame");
        names(Domain.ENVIRONMENT, Metric.PM25, "pm2.5", "pm2_5");
        names(Domain.ENVIRONMENT, Metric.PM10, "pm10");
        names(Domain.ENVIRONMENT, Metric.O3, "o3");
        names(Domain.ENVIRONMENT, Metric.CO, "co");
        names(Domain.ENVIRONMENT, Metric.NO2, "no2");
        names(Domain.ENVIRONMENT, Metric.SO2, "so2");
        names(Domain.ENVIRONMENT, Metric.TEMPERATURE_C, "temperature", "temp");
        names(Domain.ENVIRONMENT, Metric.HUMIDITY_PCT, "humidity");
        names(Domain.ENVIRONMENT, Metric.RAINFALL_MM, "rainfall", "rain");
        names(Domain.ENVIRONMENT, Metric.WATER_LEVEL_CM, "waterLevel", "level");
        names(Domain.POWER, Metric.VOLTAGE_V, "voltage");
        names(Domain.POWER, Metric.CURRENT_A, "current");
        names(Domain.POWER, Metric.FREQUENCY_HZ, "frequency");
        names(Domain.POWER, Metric.ACTIVE_POWER_W, "power", "activePower");
        names(Domain.POWER, Metric.ENERGY_WH, "energy");
        names(Domain.POWER, Metric.REVERSE_ENERGY_WH, "reverseEnergy");
        names(Domain.POWER, Metric.LAST_GASP, "lastGasp");

        // Units, per metric, as SenML unit symbols (RFC 8428 §12.1 and the IANA registry).
        units(Metric.SPEED_KMH, "km/h", SAME, "m/s", new Conversion(3.6, 0));
        units(Metric.OCCUPANCY, "%", SAME, "/", new Conversion(100, 0));
        units(Metric.VEHICLE_COUNT, "count", SAME, "1", SAME);
        units(Metric.TEMPERATURE_C, "Cel", SAME, "K", new Conversion(1, -273.15));
        units(Metric.DEW_POINT_C, "Cel", SAME, "K", new Conversion(1, -273.15));
        units(Metric.HUMIDITY_PCT, "%RH", SAME);
        units(Metric.RAINFALL_MM, "mm", SAME, "m", new Conversion(1000, 0));
        units(Metric.WIND_SPEED_MS, "m/s", SAME, "km/h", new Conversion(1, 3.6, 0));
        units(Metric.SMOKE_PPM, "ppm", SAME);
        units(Metric.CO_PPM, "ppm", SAME);
        units(Metric.FLAME, "/", SAME, "1", SAME);
        for (Metric m : new Metric[] {Metric.PM25, Metric.PM10, Metric.O3, Metric.CO}) {
            units(m, "ug/m3", SAME, "mg/m3", new Conversion(1000, 0));
        }
        units(Metric.NO2, "ug/m3", SAME, "mg/m3", new Conversion(1000, 0));
        units(Metric.SO2, "ug/m3", SAME, "mg/m3", new Conversion(1000, 0));
        units(
                Metric.WATER_LEVEL_CM,
                "cm",
                SAME,
                "m",
                new Conversion(100, 0),
                "mm",
                new Conversion(0.1, 0));
        units(Metric.VOLTAGE_V, "V", SAME);
        units(Metric.CURRENT_A, "A", SAME);
        units(Metric.FREQUENCY_HZ, "Hz", SAME);
        units(Metric.ACTIVE_POWER_W, "W", SAME, "kW", new Conversion(1000, 0));
        for (Metric m : new Metric[] {Metric.ENERGY_WH, Metric.REVERSE_ENERGY_WH}) {
            units(m, "Wh", SAME, "kWh", new Conversion(1000, 0), "J", new Conversion(1, 3600, 0));
        }
        units(Metric.LAST_GASP, "/", SAME, "1", SAME);
    }

    private SenmlVocabulary() {}

    /**
     * Resolves a measurement name and unit in a domain. The unit may be omitted only with the
     * native metric key (e.g. {@code waterLevelCm}), which then means the metric's own unit, or for
     * a dimensionless metric (flame, last gasp).
     *
     * @return the metric and the value converted to its unit, or why not
     */
    public static Result resolve(Domain domain, String name, Optional<String> unit, double value) {
        Metric metric = NAMES.get(domain).get(name);
        if (metric == null) {
            return new Result(null, Miss.UNKNOWN_NAME);
        }
        Map<String, Conversion> accepted = UNITS.get(metric);
        if (unit.isEmpty()) {
            boolean dimensionless = accepted.containsKey("/");
            return name.equals(metric.key()) || dimensionless
                    ? new Result(new Resolved(metric, value), null)
                    : new Result(null, Miss.NO_UNIT);
        }
        Conversion c = accepted.get(unit.get());
        if (c == null && unit.get().equals(metric.unit())) {
            c = SAME; // the native unit symbol, e.g. "cm" or "veh"
        }
        return c == null
                ? new Result(null, Miss.UNKNOWN_UNIT)
                : new Result(new Resolved(metric, c.apply(value)), null);
    }

    /** The metric a name means in a domain, if any (for rejection details). */
    public static Optional<Metric> metric(Domain domain, String name) {
        return Optional.ofNullable(NAMES.get(domain).get(name));
    }

    /** The SenML units a metric accepts, for rejection details. */
    public static String unitsOf(Metric metric) {
        return String.join(", ", UNITS.get(metric).keySet());
    }

    /** The names a domain knows, for rejection details. */
    public static String namesOf(Domain domain) {
        return String.join(", ", NAMES.get(domain).keySet());
    }

    /** Either {@code resolved} or {@code miss} is set. */
    public record Result(Resolved resolved, Miss miss) {}

    private static void names(Domain domain, Metric metric, String... names) {
        Map<String, Metric> byName = NAMES.computeIfAbsent(domain, d -> new LinkedHashMap<>());
        byName.putIfAbsent(metric.key(), metric);
        for (String n : names) {
            if (!n.equals(metric.key()) && byName.put(n, metric) != null) {
                throw new IllegalStateException("SenML name " + n + " twice in " + domain);
            }
        }
    }

    private static void units(Metric metric, Object... unitThenConversion) {
        Map<String, Conversion> byUnit = new LinkedHashMap<>();
        for (int i = 0; i < unitThenConversion.length; i += 2) {
            byUnit.put((String) unitThenConversion[i], (Conversion) unitThenConversion[i + 1]);
        }
        UNITS.put(metric, byUnit);
    }
}
