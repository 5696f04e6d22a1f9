package io.cityops.jobs.detection.air;

import io.cityops.model.config.Settings;
import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Configuration of the air-quality detector (DOMAIN.md "Environment").
 *
 * @param standard the AQI standard: VN_AQI (Decision 1459/QĐ-TCMT) or US EPA
 * @param raiseAboveAqi an {@code air.aqi} alert is raised when a district's hourly AQI exceeds this
 *     (150: "Xấu"/bad and worse, the first category the decision calls harmful to everyone)
 * @param clearHoldOff the AQI must stay at or below the boundary this long before the alert clears
 * @param dayZone the time zone of the daily AQI's day (hours 01:00–24:00 local, Decision 1459)
 * @param forgetAfter event time after a district's last hourly AQI at which a raised alert is
 *     cleared with {@code reason=no-data} (3 hours: every station of the district stopped)
 */
public record AirParams(
        AqiStandardId standard,
        int raiseAboveAqi,
        Duration clearHoldOff,
        String dayZone,
        Duration forgetAfter)
        implements Serializable {

    public static final String STANDARD = "detection.air.standard";
    public static final String RAISE_ABOVE_AQI = "detection.air.raise-above-aqi";
    public static final String CLEAR_HOLD_OFF = "detection.air.clear-hold-off";
    public static final String DAY_ZONE = "detection.air.day-zone";
    public static final String FORGET_AFTER = "detection.air.forget-after";

    /** Ours, not DOMAIN.md's: three missing hours is more than a station's usual gap. */
    public static final Duration DEFAULT_FORGET_AFTER = Duration.ofHours(3);

    public static final AirParams DEFAULTS =
            new AirParams(AqiStandardId.VN, 150, Duration.ofHours(1), "Asia/Ho_Chi_Minh");

    /** With the default forget delay. */
    public AirParams(
            AqiStandardId standard, int raiseAboveAqi, Duration clearHoldOff, String dayZone) {
        this(standard, raiseAboveAqi, clearHoldOff, dayZone, DEFAULT_FORGET_AFTER);
    }

    public AirParams {
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(clearHoldOff, "clearHoldOff");
        ZoneId.of(Objects.requireNonNull(dayZone, "dayZone")); // fails early on a bad zone
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        if (forgetAfter.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException(
                    "air forget-after must be at least an hour: " + forgetAfter);
        }
        if (raiseAboveAqi < 0 || clearHoldOff.isNegative()) {
            throw new IllegalArgumentException(
                    "air raise boundary and hold-off must not be negative: "
                            + raiseAboveAqi
                            + ", "
                            + clearHoldOff);
        }
    }

    public static AirParams from(Settings s) {
        return new AirParams(
                s.find(STANDARD).map(AqiStandardId::parse).orElse(DEFAULTS.standard()),
                s.getInt(RAISE_ABOVE_AQI, DEFAULTS.raiseAboveAqi()),
                s.getDuration(CLEAR_HOLD_OFF, DEFAULTS.clearHoldOff()),
                s.get(DAY_ZONE, DEFAULTS.dayZone()),
                s.getDuration(FORGET_AFTER, DEFAULTS.forgetAfter()));
    }

    public ZoneId zone() {
        return ZoneId.of(dayZone);
    }

    /** Provenance for signals, e.g. {@code air-aqi/v1 standard=vn above=150 hold=60m}. */
    public String provenance() {
        return "air-aqi/v1 standard="
                + standard.code()
                + " above="
                + raiseAboveAqi
                + " hold="
                + clearHoldOff.toMinutes()
                + "m";
    }
}
