package io.cityops.jobs.detection.water;

import io.cityops.model.config.Settings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The hysteresis of the river-level detector: how far below a threshold the water must fall, and
 * for how long, before an alarm level is lowered (DOMAIN.md, "Water level and rain"); and the rate
 * of rise that is a signal on its own (DOMAIN.md: "a fast rise alone is a signal too", e.g. a
 * hydropower release). And the order in which a station's readings are evaluated.
 *
 * <p>Keys: {@value #MARGIN_CM} (20), {@value #CLEAR_HOLD_OFF} (10m), {@value #RISE_CM_PER_HOUR}
 * (50) and {@value #EVALUATION}: {@code arrival} (the default) evaluates each reading as soon as it
 * reaches the detector, so a flood raises {@code water.level} at once instead of after the
 * watermark's out-of-orderness bound ({@code detection.out-of-orderness}, 10 to 30 s); {@code
 * event-time} holds each reading until the watermark passes it and evaluates the station's readings
 * in event-time order, at the cost of that wait. For readings that arrive in order they give the
 * same signals; they differ only in what they make of a station's readings that arrive out of order
 * within the bound, or twice with one time (see {@link RiverLevelFunction}).
 *
 * @param marginCm the water must fall this far below a threshold for the level to count as left
 * @param clearHoldOff and stay there this long (event time) before the level is lowered or cleared;
 *     the rate-of-rise signal clears after the rate has stayed below half its threshold this long
 * @param riseCmPerHour a rise over the last hour faster than this raises {@code water.rise}
 * @param evaluation when a reading is evaluated: on arrival, or once the watermark passes it
 */
public record RiverLevelParams(
        double marginCm, Duration clearHoldOff, double riseCmPerHour, Evaluation evaluation)
        implements Serializable {

    public static final String MARGIN_CM = "detection.water.margin-cm";
    public static final String CLEAR_HOLD_OFF = "detection.water.clear-hold-off";
    public static final String RISE_CM_PER_HOUR = "detection.water.rise-cm-per-hour";
    public static final String EVALUATION = "detection.water.evaluation";

    /** When the river detector evaluates a station's reading. */
    public enum Evaluation {
        /**
         * As soon as it arrives, in arrival order: no wait for the watermark. A reading older than
         * the last one evaluated (out of order within the bound) can raise the alarm level it
         * shows, never lower one.
         */
        ARRIVAL("arrival"),
        /** Once the watermark passes it, in event-time order: waits the out-of-orderness bound. */
        EVENT_TIME("event-time");

        private final String key;

        Evaluation(String key) {
            this.key = key;
        }

        /** The configuration value, e.g. {@code arrival}. */
        public String key() {
            return key;
        }

        /** Parses {@code arrival} or {@code event-time} (case and surrounding blanks ignored). */
        public static Evaluation of(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            for (Evaluation e : values()) {
                if (e.key.equals(v)) {
                    return e;
                }
            }
            throw new IllegalArgumentException(
                    EVALUATION + " must be arrival or event-time, got '" + value + "'");
        }
    }

    /**
     * 50 cm/h is a placeholder, not from DOMAIN.md (which gives no number): what counts as fast
     * depends on the river and the dams upstream, and should be set per station once known.
     */
    public static final double DEFAULT_RISE_CM_PER_HOUR = 50;

    /**
     * 20 cm and 10 minutes: a gauge's wave noise stays inside the margin, a real fall does not.
     * Evaluated on arrival: an alarm must not wait for the watermark (issue 7: p99 device→alert
     * under 250 ms).
     */
    public static final RiverLevelParams DEFAULTS =
            new RiverLevelParams(
                    20, Duration.ofMinutes(10), DEFAULT_RISE_CM_PER_HOUR, Evaluation.ARRIVAL);

    /** With the default rate-of-rise threshold, evaluated on arrival. */
    public RiverLevelParams(double marginCm, Duration clearHoldOff) {
        this(marginCm, clearHoldOff, DEFAULT_RISE_CM_PER_HOUR);
    }

    /** Evaluated on arrival. */
    public RiverLevelParams(double marginCm, Duration clearHoldOff, double riseCmPerHour) {
        this(marginCm, clearHoldOff, riseCmPerHour, Evaluation.ARRIVAL);
    }

    public RiverLevelParams {
        Objects.requireNonNull(clearHoldOff, "clearHoldOff");
        Objects.requireNonNull(evaluation, "evaluation");
        if (!(riseCmPerHour > 0)) {
            throw new IllegalArgumentException(
                    "river rise threshold must be positive: " + riseCmPerHour + " cm/h");
        }
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
                s.getDuration(CLEAR_HOLD_OFF, DEFAULTS.clearHoldOff()),
                s.getDouble(RISE_CM_PER_HOUR, DEFAULTS.riseCmPerHour()),
                Evaluation.of(s.get(EVALUATION, DEFAULTS.evaluation().key())));
    }

    /** These parameters with another evaluation order. */
    public RiverLevelParams withEvaluation(Evaluation e) {
        return new RiverLevelParams(marginCm, clearHoldOff, riseCmPerHour, e);
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

    /** Provenance for rise signals, e.g. {@code water-rise/v1 above=50cm/h window=1h hold=10m}. */
    public String riseProvenance() {
        String above =
                riseCmPerHour == Math.rint(riseCmPerHour)
                        ? String.valueOf((long) riseCmPerHour)
                        : String.format(Locale.ROOT, "%.1f", riseCmPerHour);
        long seconds = clearHoldOff.toSeconds();
        String hold = seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
        return "water-rise/v1 above=" + above + "cm/h window=1h hold=" + hold;
    }
}
