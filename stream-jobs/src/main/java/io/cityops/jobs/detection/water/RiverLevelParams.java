package io.cityops.jobs.detection.water;

import io.cityops.model.config.Settings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The hysteresis of the river-level detector: how far below a threshold the water must fall, and
 * for how long, before an alarm level is lowered (DOMAIN.md, "Water level and rain").
 *
 * @param marginCm the water must fall this far below a threshold for the level to count as left
 * @param clearHoldOff and stay there this long (event time) before the level is lowered or cleared
 */
public record RiverLevelParams(double marginCm, Duration clearHoldOff) implements Serializable {

    public static final String MARGIN_CM = "detection.water.margin-cm";
    public static final String CLEAR_HOLD_OFF = "detection.water.clear-hold-off";

    /** 20 cm and 10 minutes: a gauge's wave noise stays inside the margin, a real fall does not. */
    public static final RiverLevelParams DEFAULTS =
            new RiverLevelParams(20, Duration.ofMinutes(10));

    public RiverLevelParams {
        Objects.requireNonNull(clearHoldOff, "clearHoldOff");
        if (!(marginCm >= 0) || clearHoldOff.isNegative()) {
            throw new IllegalArgumentException(
                    "river level margin and hold-off must not be negative: "
                            + marginCm
                            + " cm, "
                            + clearHoldOff);
        }
    }

    public static RiverLevelParams from(Settings s) {
        return new RiverLevelParams(
                s.getDouble(MARGIN_CM, DEFAULTS.marginCm()),
                s.getDuration(CLEAR_HOLD_OFF, DEFAULTS.clearHoldOff()));
    }

    /** Provenance for signals, e.g. {@code water-level/v1 margin=20cm hold=10m}. */
    public String provenance() {
        String margin =
                marginCm == Math.rint(marginCm)
                        ? String.valueOf((long) marginCm)
                        : String.format(Locale.ROOT, "%.1f", marginCm);
        long seconds = clearHoldOff.toSeconds();
        String hold = seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
        return "water-level/v1 margin=" + margin + "cm hold=" + hold;
    }
}
