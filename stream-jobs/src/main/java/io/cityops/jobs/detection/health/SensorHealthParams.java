package io.cityops.jobs.detection.health;

import io.cityops.jobs.coverage.liveness.SilenceRule;
import io.cityops.model.Metric;
import io.cityops.model.city.SensorKind;
import io.cityops.model.config.Settings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Thresholds of the sensor-health detectors (DOMAIN.md, "Sensor health (all domains)").
 *
 * @param silence silent after no reading within {@code heartbeat × factor} (DOMAIN.md: 3)
 * @param silenceExempt kinds whose silence raises no {@code sensor.silent}: customer meters go
 *     silent together when their transformer fails, which the power detector reports as one outage;
 *     a hundred per-meter signals would bury it
 * @param stuckReadings identical consecutive values of a metric that make the sensor stuck
 * @param stuckMetrics per sensor kind, the metrics that should vary (a constant {@code flame},
 *     {@code lastGasp} or dry-weather {@code rainfallMm} is normal and not listed)
 * @param burstSteps per metric, the largest plausible change between consecutive readings
 * @param burstMaxGap only readings at most this far apart count as consecutive for a burst
 * @param burstCount a sensor bursts when it jumps more than this many times within {@code
 *     burstWindow}
 * @param retention a silent sensor's state is dropped after this long without readings
 */
public record SensorHealthParams(
        SilenceRule silence,
        Set<SensorKind> silenceExempt,
        int stuckReadings,
        Map<SensorKind, Set<String>> stuckMetrics,
        Map<String, Double> burstSteps,
        Duration burstMaxGap,
        int burstCount,
        Duration burstWindow,
        Duration retention)
        implements Serializable {

    public static final String PREFIX = "detection.health.";
    public static final String SILENCE_FACTOR = PREFIX + "silence-factor";
    public static final String SILENCE_EXEMPT_KINDS = PREFIX + "silence-exempt-kinds";
    public static final String STUCK_READINGS = PREFIX + "stuck-readings";

    /**
     * Followed by the kind in lower case with dashes, e.g. {@code ...stuck-metrics.river-gauge}.
     */
    public static final String STUCK_METRICS = PREFIX + "stuck-metrics.";

    /** Followed by the metric key, e.g. {@code detection.health.burst-step.temperatureC}. */
    public static final String BURST_STEP = PREFIX + "burst-step.";

    public static final String BURST_MAX_GAP = PREFIX + "burst-max-gap";
    public static final String BURST_COUNT = PREFIX + "burst-count";
    public static final String BURST_WINDOW = PREFIX + "burst-window";
    public static final String RETENTION = PREFIX + "retention";

    public static final SensorHealthParams DEFAULTS =
            new SensorHealthParams(
                    new SilenceRule(SilenceRule.DEFAULT_FACTOR),
                    EnumSet.of(SensorKind.CUSTOMER_METER),
                    20,
                    defaultStuckMetrics(),
                    Map.of(
                            // 15 °C within a minute or two is not weather (brief of issue 3).
                            Metric.TEMPERATURE_C.key(), 15.0,
                            Metric.DEW_POINT_C.key(), 15.0,
                            Metric.HUMIDITY_PCT.key(), 50.0,
                            // 5 m between two gauge readings: beyond even a flash flood's rise.
                            Metric.WATER_LEVEL_CM.key(), 500.0),
                    Duration.ofMinutes(5),
                    3,
                    Duration.ofHours(1),
                    Duration.ofDays(7));

    public SensorHealthParams {
        Objects.requireNonNull(silence, "silence");
        silenceExempt = silenceExempt.isEmpty() ? Set.of() : Set.copyOf(silenceExempt);
        stuckMetrics = Map.copyOf(stuckMetrics);
        burstSteps = Map.copyOf(burstSteps);
        Objects.requireNonNull(burstMaxGap, "burstMaxGap");
        Objects.requireNonNull(burstWindow, "burstWindow");
        Objects.requireNonNull(retention, "retention");
        if (stuckReadings < 2 || burstCount < 0) {
            throw new IllegalArgumentException(
                    STUCK_READINGS + " must be >= 2 and " + BURST_COUNT + " >= 0");
        }
    }

    public static SensorHealthParams from(Settings s) {
        Set<SensorKind> exempt =
                s.find(SILENCE_EXEMPT_KINDS)
                        .map(v -> list(v).stream().map(SensorHealthParams::kind))
                        .map(k -> k.collect(Collectors.toSet()))
                        .orElse(DEFAULTS.silenceExempt());
        Map<SensorKind, Set<String>> stuck = new EnumMap<>(SensorKind.class);
        for (SensorKind k : SensorKind.values()) {
            stuck.put(
                    k,
                    s.find(STUCK_METRICS + kindKey(k))
                            .map(v -> Set.copyOf(list(v)))
                            .orElse(DEFAULTS.stuckMetrics(k)));
        }
        Map<String, Double> steps = new HashMap<>(DEFAULTS.burstSteps());
        for (Metric m : Metric.values()) {
            s.find(BURST_STEP + m.key())
                    .ifPresent(v -> steps.put(m.key(), Double.parseDouble(v.trim())));
        }
        steps.values().removeIf(v -> !(v > 0)); // 0 switches a metric's burst check off
        return new SensorHealthParams(
                new SilenceRule(s.getInt(SILENCE_FACTOR, DEFAULTS.silence().factor())),
                exempt,
                s.getInt(STUCK_READINGS, DEFAULTS.stuckReadings()),
                stuck,
                steps,
                s.getDuration(BURST_MAX_GAP, DEFAULTS.burstMaxGap()),
                s.getInt(BURST_COUNT, DEFAULTS.burstCount()),
                s.getDuration(BURST_WINDOW, DEFAULTS.burstWindow()),
                s.getDuration(RETENTION, DEFAULTS.retention()));
    }

    /** The metrics of a kind whose constancy means a stuck sensor. */
    public Set<String> stuckMetrics(SensorKind kind) {
        return stuckMetrics.getOrDefault(kind, Set.of());
    }

    /** The configuration spelling of a kind: {@code RIVER_GAUGE} is {@code river-gauge}. */
    public static String kindKey(SensorKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static SensorKind kind(String v) {
        return SensorKind.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** A comma-separated list; {@code none} is the empty list (an empty value means "unset"). */
    private static java.util.List<String> list(String v) {
        if (v.trim().equalsIgnoreCase("none")) {
            return java.util.List.of();
        }
        return Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static Map<SensorKind, Set<String>> defaultStuckMetrics() {
        Map<SensorKind, Set<String>> m = new EnumMap<>(SensorKind.class);
        m.put(SensorKind.TRAFFIC_DETECTOR, Set.of(Metric.SPEED_KMH.key()));
        m.put(
                SensorKind.FOREST_STATION,
                Set.of(Metric.TEMPERATURE_C.key(), Metric.HUMIDITY_PCT.key()));
        m.put(SensorKind.AIR_QUALITY_STATION, Set.of(Metric.PM25.key(), Metric.PM10.key()));
        m.put(SensorKind.RAIN_GAUGE, Set.of()); // rainfallMm stays 0 all dry season
        m.put(SensorKind.RIVER_GAUGE, Set.of(Metric.WATER_LEVEL_CM.key()));
        m.put(SensorKind.CUSTOMER_METER, Set.of(Metric.VOLTAGE_V.key()));
        m.put(SensorKind.TRANSFORMER_METER, Set.of(Metric.VOLTAGE_V.key()));
        return m;
    }
}
