package io.cityops.model;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The four sensor domains of the platform, each with its fixed set of metrics. */
public enum Domain {
    TRAFFIC(EnumSet.of(Metric.SPEED_KMH, Metric.OCCUPANCY, Metric.VEHICLE_COUNT)),
    FOREST(
            EnumSet.of(
                    Metric.TEMPERATURE_C,
                    Metric.HUMIDITY_PCT,
                    Metric.DEW_POINT_C,
                    Metric.RAINFALL_MM,
                    Metric.WIND_SPEED_MS,
                    Metric.SMOKE_PPM,
                    Metric.CO_PPM,
                    Metric.FLAME)),
    ENVIRONMENT(
            EnumSet.of(
                    Metric.PM25,
                    Metric.PM10,
                    Metric.O3,
                    Metric.CO,
                    Metric.NO2,
                    Metric.SO2,
                    Metric.TEMPERATURE_C,
                    Metric.HUMIDITY_PCT,
                    Metric.RAINFALL_MM,
                    Metric.WATER_LEVEL_CM)),
    POWER(
            EnumSet.of(
                    Metric.VOLTAGE_V,
                    Metric.CURRENT_A,
                    Metric.FREQUENCY_HZ,
                    Metric.ACTIVE_POWER_W,
                    Metric.ENERGY_WH,
                    Metric.REVERSE_ENERGY_WH,
                    Metric.LAST_GASP));

    private final Set<Metric> metrics;

    Domain(Set<Metric> metrics) {
        this.metrics = metrics;
    }

    /** The metrics a sensor of this domain may report. */
    public Set<Metric> metrics() {
        return EnumSet.copyOf(metrics);
    }

    /** The metric of this domain with the given wire name, if it belongs here. */
    public Optional<Metric> metric(String key) {
        return Metric.byKey(key).filter(metrics::contains);
    }

    /** Lower-case name used in MQTT and Kafka topic names, e.g. {@code environment}. */
    public String topicName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Domain> fromTopicName(String name) {
        for (Domain d : values()) {
            if (d.topicName().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
