package io.cityops.jobs.detection.rain;

import io.cityops.model.config.Settings;
import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of the rain-accumulation detector (DOMAIN.md "Water level and rain").
 *
 * @param thresholds the thresholds of every district without its own
 * @param byDistrict per-district thresholds, by district id
 * @param clearMargin an alert clears when every sum is this fraction below its threshold
 * @param bucket the resolution of the rolling sums (readings are summed into buckets of this
 *     length; it must divide an hour)
 */
public record RainParams(
        RainThresholds thresholds,
        Map<String, RainThresholds> byDistrict,
        double clearMargin,
        Duration bucket)
        implements Serializable {

    public static final String THRESHOLD_1H = "detection.rain.threshold-1h-mm";
    public static final String THRESHOLD_3H = "detection.rain.threshold-3h-mm";
    public static final String THRESHOLD_24H = "detection.rain.threshold-24h-mm";
    public static final String DISTRICT_THRESHOLDS = "detection.rain.district-thresholds";
    public static final String CLEAR_MARGIN = "detection.rain.clear-margin";
    public static final String BUCKET = "detection.rain.bucket";

    /** 50/100/150 mm everywhere, clear 20 % below, 10-minute buckets. */
    public static final RainParams DEFAULTS =
            new RainParams(RainThresholds.STEEP_DISTRICT, Map.of(), 0.2, Duration.ofMinutes(10));

    public RainParams {
        Objects.requireNonNull(thresholds, "thresholds");
        byDistrict = Map.copyOf(Objects.requireNonNull(byDistrict, "byDistrict"));
        Objects.requireNonNull(bucket, "bucket");
        if (!(clearMargin >= 0 && clearMargin < 1)) {
            throw new IllegalArgumentException(
                    "rain clear margin must be in [0, 1): " + clearMargin);
        }
        if (bucket.isZero()
                || bucket.isNegative()
                || Duration.ofHours(1).toMillis() % bucket.toMillis() != 0) {
            throw new IllegalArgumentException("rain bucket must divide an hour: " + bucket);
        }
    }

    /**
     * Reads {@code detection.rain.*}; per-district thresholds as {@code
     * 107:60/120/180,105:40/80/120}.
     */
    public static RainParams from(Settings s) {
        RainThresholds global =
                new RainThresholds(
                        s.getDouble(THRESHOLD_1H, DEFAULTS.thresholds().mm1h()),
                        s.getDouble(THRESHOLD_3H, DEFAULTS.thresholds().mm3h()),
                        s.getDouble(THRESHOLD_24H, DEFAULTS.thresholds().mm24h()));
        Map<String, RainThresholds> byDistrict = new HashMap<>();
        s.find(DISTRICT_THRESHOLDS)
                .ifPresent(
                        v -> {
                            for (String entry : v.split(",")) {
                                String[] kv = entry.split(":");
                                if (kv.length != 2) {
                                    throw new IllegalArgumentException(
                                            DISTRICT_THRESHOLDS
                                                    + ": expected district:1h/3h/24h, got "
                                                    + entry);
                                }
                                byDistrict.put(kv[0].trim(), RainThresholds.parse(kv[1]));
                            }
                        });
        return new RainParams(
                global,
                byDistrict,
                s.getDouble(CLEAR_MARGIN, DEFAULTS.clearMargin()),
                s.getDuration(BUCKET, DEFAULTS.bucket()));
    }

    public RainThresholds thresholdsFor(String districtId) {
        return districtId == null ? thresholds : byDistrict.getOrDefault(districtId, thresholds);
    }

    /** Provenance for signals, e.g. {@code rain-accumulation/v1 bucket=10m margin=20%}. */
    public String provenance() {
        return "rain-accumulation/v1 bucket="
                + bucket.toMinutes()
                + "m margin="
                + Math.round(clearMargin * 100)
                + "%";
    }
}
