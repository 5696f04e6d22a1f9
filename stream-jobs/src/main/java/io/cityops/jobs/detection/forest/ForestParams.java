package io.cityops.jobs.detection.forest;

import io.cityops.model.config.Settings;
import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Thresholds of the forest detectors (DOMAIN.md, "Forest"), keys {@code detection.forest.*}.
 *
 * @param smokePpm a station "sees smoke" at or above this smoke concentration
 * @param coPpm or at or above this CO concentration
 * @param riseC a fire is suspected at a smoky station whose air warmed more than this ...
 * @param riseWindow ... within this window (DOMAIN.md: more than 10 °C within 10 min)
 * @param confirmWindow smoke at two stations of one zone within this window confirms a fire
 * @param clearHoldOff the fire incident clears when no station saw smoke or flame this long
 * @param timeZone local time of the 13:00 observation and of the day boundaries
 * @param variant Vietnamese (saturation deficit, 5 mm reset) or Russian (dew-point depression, 3 mm
 *     reset) Nesterov index
 * @param levels the fire-danger table of zones without their own
 * @param zoneLevels the tables of zones that have their own (provincial thresholds)
 * @param observationTolerance a reading further than this from 13:00 is no 13:00 observation
 * @param forgetAfter a zone without a single reading for this long loses its index
 */
public record ForestParams(
        double smokePpm,
        double coPpm,
        double riseC,
        Duration riseWindow,
        Duration confirmWindow,
        Duration clearHoldOff,
        ZoneId timeZone,
        NesterovVariant variant,
        FireDangerLevels levels,
        Map<String, FireDangerLevels> zoneLevels,
        Duration observationTolerance,
        Duration forgetAfter)
        implements Serializable {

    public static final String SMOKE_PPM = "detection.forest.smoke-ppm";
    public static final String CO_PPM = "detection.forest.co-ppm";
    public static final String RISE_C = "detection.forest.temperature-rise-c";
    public static final String RISE_WINDOW = "detection.forest.temperature-rise-window";
    public static final String CONFIRM_WINDOW = "detection.forest.confirm-window";
    public static final String CLEAR_HOLD_OFF = "detection.forest.clear-hold-off";
    public static final String TIME_ZONE = "detection.forest.timezone";
    public static final String VARIANT = "detection.forest.nesterov-variant";
    public static final String THRESHOLDS = "detection.forest.nesterov-thresholds";
    public static final String ZONE_THRESHOLDS = "detection.forest.nesterov-zone-thresholds";
    public static final String OBSERVATION_TOLERANCE =
            "detection.forest.nesterov-observation-tolerance";
    public static final String FORGET_AFTER = "detection.forest.nesterov-forget-after";

    /**
     * Smoke 50 ppm and CO 30 ppm are this project's defaults (clean forest air is about 1 ppm smoke
     * and 0.3 ppm CO; 30 ppm CO is a common alarm point); the rise, windows, hold-off and Nesterov
     * settings are DOMAIN.md's.
     */
    public static final ForestParams DEFAULTS =
            new ForestParams(
                    50,
                    30,
                    10,
                    Duration.ofMinutes(10),
                    Duration.ofMinutes(15),
                    Duration.ofMinutes(30),
                    ZoneId.of("Asia/Ho_Chi_Minh"),
                    NesterovVariant.VN,
                    FireDangerLevels.NATIONAL,
                    Map.of(),
                    Duration.ofHours(2),
                    Duration.ofDays(7));

    public ForestParams {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(levels, "levels");
        zoneLevels = Map.copyOf(zoneLevels);
        for (Duration d :
                new Duration[] {
                    riseWindow, confirmWindow, clearHoldOff, observationTolerance, forgetAfter
                }) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("forest durations must be positive: " + d);
            }
        }
        if (!(smokePpm > 0) || !(coPpm > 0) || !(riseC > 0)) {
            throw new IllegalArgumentException(
                    "forest thresholds must be positive: smoke "
                            + smokePpm
                            + " ppm, CO "
                            + coPpm
                            + " ppm, rise "
                            + riseC
                            + " °C");
        }
    }

    public static ForestParams from(Settings s) {
        ForestParams d = DEFAULTS;
        return new ForestParams(
                s.getDouble(SMOKE_PPM, d.smokePpm()),
                s.getDouble(CO_PPM, d.coPpm()),
                s.getDouble(RISE_C, d.riseC()),
                s.getDuration(RISE_WINDOW, d.riseWindow()),
                s.getDuration(CONFIRM_WINDOW, d.confirmWindow()),
                s.getDuration(CLEAR_HOLD_OFF, d.clearHoldOff()),
                s.find(TIME_ZONE).map(ZoneId::of).orElse(d.timeZone()),
                s.find(VARIANT).map(NesterovVariant::parse).orElse(d.variant()),
                s.find(THRESHOLDS).map(FireDangerLevels::parse).orElse(d.levels()),
                s.find(ZONE_THRESHOLDS).map(ForestParams::zoneLevels).orElse(Map.of()),
                s.getDuration(OBSERVATION_TOLERANCE, d.observationTolerance()),
                s.getDuration(FORGET_AFTER, d.forgetAfter()));
    }

    /** Parses {@code zoneA:5000,10000,15000,20000;zoneB:...}. */
    static Map<String, FireDangerLevels> zoneLevels(String spec) {
        Map<String, FireDangerLevels> byZone = new HashMap<>();
        for (String entry : spec.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(
                        "expected zoneId:t1,t2,t3,t4 in " + ZONE_THRESHOLDS + ", got " + entry);
            }
            byZone.put(
                    entry.substring(0, colon).trim(),
                    FireDangerLevels.parse(entry.substring(colon + 1)));
        }
        return byZone;
    }

    /** The fire-danger table of a zone: its own if configured, else the default. */
    public FireDangerLevels levelsOf(String zoneId) {
        return zoneLevels.getOrDefault(zoneId, levels);
    }

    /**
     * Provenance of fire signals, e.g. {@code forest-fire/v1 smoke=50ppm co=30ppm rise=10C/10m}.
     */
    public String fireProvenance() {
        return String.format(
                Locale.ROOT,
                "forest-fire/v1 smoke=%sppm co=%sppm rise=%sC/%s confirm=%s hold=%s",
                number(smokePpm),
                number(coPpm),
                number(riseC),
                minutes(riseWindow),
                minutes(confirmWindow),
                minutes(clearHoldOff));
    }

    /** Provenance of fire-danger signals, e.g. {@code forest-danger/v1 nesterov=vn levels=...}. */
    public String dangerProvenance(String zoneId) {
        return "forest-danger/v1 nesterov="
                + variant.key()
                + " reset="
                + number(variant.resetRainMm())
                + "mm levels="
                + levelsOf(zoneId)
                + " tz="
                + timeZone.getId();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String minutes(Duration d) {
        long seconds = d.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
