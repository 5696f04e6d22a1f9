package io.cityops.jobs.detection.power;

import io.cityops.model.config.Settings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Thresholds of the power detectors (DOMAIN.md, "Power"), read from {@code detection.power.*}.
 *
 * @param nominalVoltageV phase voltage the band is centred on: 220 V in EVN practice, 230 V in TCVN
 *     7995 (DOMAIN.md)
 * @param voltageTolerance the band is nominal ± this share (±5 %, Circular 39/2015/TT-BCT)
 * @param voltageMinDuration a meter must stay outside the band this long (event time) to count
 * @param voltageClearHoldOff and back inside it this long before its signal clears
 * @param voltageTransformerShare from this share of a transformer's meters outside the band, one
 *     transformer-level signal replaces the meters' own
 * @param darkVoltageV below this a meter has no supply (outage), not a low voltage
 * @param outageShare a transformer is out when this share of its customer meters is dark (60 %)
 * @param outageWindow whose outages began within this span of each other (2 minutes)
 * @param outageClearHoldOff the dark share must stay below the threshold this long to clear
 * @param silenceFactor a meter is silent after heartbeat × this without a reading (DOMAIN.md)
 * @param forgetAfter a transformer none of whose meters was heard for this long is forgotten
 * @param lossShare hourly loss share (of the transformer meter's energy) above which an hour is
 *     lossy (12 %)
 * @param lossHours consecutive complete lossy hours that raise {@code power.loss} (3)
 * @param tamperLowShare a customer's hour below this share of its own trailing mean is suspect
 * @param tamperNeighbourShare unless its neighbours' median share is not above this
 * @param tamperMinHistoryHours complete hours of baseline a meter needs before that comparison
 * @param tamperClearAfter a suspect meter clears after this long without suspicion
 * @param tamperReverseMinWh reverse energy registered within an hour above this is suspect
 * @param restartGrace after the operator (re)starts, silence deadlines that fall before start +
 *     this are not judged but re-armed to it, so that the backlog waiting in Kafka re-lights its
 *     meters first (a restore after downtime is not an outage); the silence window of a 60 s meter
 */
public record PowerParams(
        double nominalVoltageV,
        double voltageTolerance,
        Duration voltageMinDuration,
        Duration voltageClearHoldOff,
        double voltageTransformerShare,
        double darkVoltageV,
        double outageShare,
        Duration outageWindow,
        Duration outageClearHoldOff,
        int silenceFactor,
        Duration forgetAfter,
        double lossShare,
        int lossHours,
        double tamperLowShare,
        double tamperNeighbourShare,
        int tamperMinHistoryHours,
        Duration tamperClearAfter,
        double tamperReverseMinWh,
        Duration restartGrace)
        implements Serializable {

    private static final String P = "detection.power.";
    public static final String NOMINAL_VOLTAGE_V = P + "nominal-voltage-v";
    public static final String VOLTAGE_TOLERANCE = P + "voltage-tolerance";
    public static final String VOLTAGE_MIN_DURATION = P + "voltage-min-duration";
    public static final String VOLTAGE_CLEAR_HOLD_OFF = P + "voltage-clear-hold-off";
    public static final String VOLTAGE_TRANSFORMER_SHARE = P + "voltage-transformer-share";
    public static final String DARK_VOLTAGE_V = P + "dark-voltage-v";
    public static final String OUTAGE_SHARE = P + "outage-share";
    public static final String OUTAGE_WINDOW = P + "outage-window";
    public static final String OUTAGE_CLEAR_HOLD_OFF = P + "outage-clear-hold-off";
    public static final String SILENCE_FACTOR = P + "silence-factor";
    public static final String FORGET_AFTER = P + "forget-after";
    public static final String LOSS_SHARE = P + "loss-share";
    public static final String LOSS_HOURS = P + "loss-hours";
    public static final String TAMPER_LOW_SHARE = P + "tamper-low-share";
    public static final String TAMPER_NEIGHBOUR_SHARE = P + "tamper-neighbour-share";
    public static final String TAMPER_MIN_HISTORY_HOURS = P + "tamper-min-history-hours";
    public static final String TAMPER_CLEAR_AFTER = P + "tamper-clear-after";
    public static final String TAMPER_REVERSE_MIN_WH = P + "tamper-reverse-min-wh";
    public static final String RESTART_GRACE = P + "restart-grace";

    /** The defaults, from DOMAIN.md "Power" where it gives a value. */
    public static final PowerParams DEFAULTS =
            new PowerParams(
                    220, // EVN phase voltage (DOMAIN.md; 230 V per TCVN 7995)
                    0.05, // ±5 % in normal operation, Circular 39/2015/TT-BCT
                    Duration.ofMinutes(5), // "outside the band for >= 5 minutes" (DOMAIN.md)
                    Duration.ofMinutes(2),
                    0.5,
                    20,
                    0.6, // ">= 60 % of its meters" (DOMAIN.md)
                    Duration.ofMinutes(2), // "within 2 minutes" (DOMAIN.md)
                    Duration.ofMinutes(2),
                    3, // silent after heartbeat × 3 (DOMAIN.md, Sensor health)
                    Duration.ofHours(24),
                    0.12, // default loss threshold 12 % (DOMAIN.md)
                    3, // "for 3 consecutive hours" (DOMAIN.md)
                    0.1,
                    0.5,
                    24,
                    Duration.ofHours(24),
                    1.0,
                    Duration.ofMinutes(3)); // heartbeat 60 s × 3: one silence window

    public PowerParams {
        Objects.requireNonNull(voltageMinDuration, "voltageMinDuration");
        Objects.requireNonNull(voltageClearHoldOff, "voltageClearHoldOff");
        Objects.requireNonNull(outageWindow, "outageWindow");
        Objects.requireNonNull(outageClearHoldOff, "outageClearHoldOff");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        Objects.requireNonNull(tamperClearAfter, "tamperClearAfter");
        Objects.requireNonNull(restartGrace, "restartGrace");
        require(nominalVoltageV > 0, "nominal voltage must be positive: " + nominalVoltageV);
        require(voltageTolerance > 0 && voltageTolerance < 1, "voltage tolerance in (0,1)");
        require(share(voltageTransformerShare), "voltage transformer share in (0,1]");
        require(darkVoltageV >= 0 && darkVoltageV < nominalVoltageV, "dark voltage below nominal");
        require(share(outageShare), "outage share in (0,1]: " + outageShare);
        require(silenceFactor >= 1, "silence factor >= 1: " + silenceFactor);
        require(lossShare > 0 && lossShare < 1, "loss share in (0,1): " + lossShare);
        require(lossHours >= 1, "loss hours >= 1: " + lossHours);
        require(share(tamperLowShare) && share(tamperNeighbourShare), "tamper shares in (0,1]");
        require(tamperMinHistoryHours >= 1, "tamper history >= 1 hour");
        require(tamperReverseMinWh >= 0, "tamper reverse energy >= 0");
        require(
                !voltageMinDuration.isNegative()
                        && !voltageClearHoldOff.isNegative()
                        && !outageWindow.isNegative()
                        && !outageClearHoldOff.isNegative()
                        && !forgetAfter.isNegative()
                        && !forgetAfter.isZero()
                        && !tamperClearAfter.isZero()
                        && !tamperClearAfter.isNegative()
                        && !restartGrace.isNegative(),
                "durations must not be negative");
    }

    private static boolean share(double s) {
        return s > 0 && s <= 1;
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("power detector parameters: " + what);
        }
    }

    public static PowerParams from(Settings s) {
        PowerParams d = DEFAULTS;
        return new PowerParams(
                s.getDouble(NOMINAL_VOLTAGE_V, d.nominalVoltageV()),
                s.getDouble(VOLTAGE_TOLERANCE, d.voltageTolerance()),
                s.getDuration(VOLTAGE_MIN_DURATION, d.voltageMinDuration()),
                s.getDuration(VOLTAGE_CLEAR_HOLD_OFF, d.voltageClearHoldOff()),
                s.getDouble(VOLTAGE_TRANSFORMER_SHARE, d.voltageTransformerShare()),
                s.getDouble(DARK_VOLTAGE_V, d.darkVoltageV()),
                s.getDouble(OUTAGE_SHARE, d.outageShare()),
                s.getDuration(OUTAGE_WINDOW, d.outageWindow()),
                s.getDuration(OUTAGE_CLEAR_HOLD_OFF, d.outageClearHoldOff()),
                s.getInt(SILENCE_FACTOR, d.silenceFactor()),
                s.getDuration(FORGET_AFTER, d.forgetAfter()),
                s.getDouble(LOSS_SHARE, d.lossShare()),
                s.getInt(LOSS_HOURS, d.lossHours()),
                s.getDouble(TAMPER_LOW_SHARE, d.tamperLowShare()),
                s.getDouble(TAMPER_NEIGHBOUR_SHARE, d.tamperNeighbourShare()),
                s.getInt(TAMPER_MIN_HISTORY_HOURS, d.tamperMinHistoryHours()),
                s.getDuration(TAMPER_CLEAR_AFTER, d.tamperClearAfter()),
                s.getDouble(TAMPER_REVERSE_MIN_WH, d.tamperReverseMinWh()),
                s.getDuration(RESTART_GRACE, d.restartGrace()));
    }

    /** Lowest voltage inside the band. */
    public double lowVoltageV() {
        return nominalVoltageV * (1 - voltageTolerance);
    }

    /** Highest voltage inside the band. */
    public double highVoltageV() {
        return nominalVoltageV * (1 + voltageTolerance);
    }

    String outageProvenance() {
        return "power-outage/v1 share="
                + pct(outageShare)
                + " window="
                + dur(outageWindow)
                + " silence=heartbeatx"
                + silenceFactor;
    }

    String voltageProvenance() {
        return "power-voltage/v1 nominal="
                + num(nominalVoltageV)
                + "V band=±"
                + pct(voltageTolerance)
                + " for="
                + dur(voltageMinDuration)
                + " transformer="
                + pct(voltageTransformerShare);
    }

    String lossProvenance() {
        return "power-loss/v1 share>" + pct(lossShare) + " hours=" + lossHours;
    }

    String tamperProvenance() {
        return "power-tamper/v1 low<"
                + pct(tamperLowShare)
                + " neighbours>"
                + pct(tamperNeighbourShare)
                + " history="
                + tamperMinHistoryHours
                + "h";
    }

    static String pct(double share) {
        return num(share * 100) + "%";
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String dur(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0 && s > 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
