package io.cityops.jobs.detection.power;

import io.cityops.model.Domain;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tamper-suspect detector of one transformer's customer meters (DOMAIN.md, "Power"): a meter
 * that registers reverse energy, or whose hour falls below {@code tamperLowShare} of its own
 * trailing mean while the median of its neighbours (same transformer) stays above {@code
 * tamperNeighbourShare} of theirs — so a village-wide evening dip or an outage is not a suspect.
 * One MINOR {@code power.tamper} per meter, cleared after {@code tamperClearAfter} of normal hours.
 * Suspicious hours never enter the meter's baseline.
 */
public final class TamperWatch implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String TYPE = "power.tamper";

    /** Fewer neighbours than this make no median worth trusting. */
    static final int MIN_NEIGHBOURS = 2;

    private final PowerParams params;

    public TamperWatch(PowerParams params) {
        this.params = params;
    }

    public record Step(Map<String, TamperState> states, List<Signal> signals) {}

    /**
     * Takes hour {@code hour} of the customer meters ({@code hours}: each meter's record of it, by
     * id) with their states ({@code states}, missing = new meter). Returns the states of the meters
     * of {@code hours} and the signals.
     */
    public Step onHour(
            long hour,
            Map<String, MeterHour> hours,
            Map<String, TamperState> states,
            String districtId) {
        Map<String, Double> shares = new TreeMap<>();
        hours.forEach(
                (id, h) -> {
                    TamperState s = states.getOrDefault(id, TamperState.INITIAL);
                    if (h.present()
                            && h.complete()
                            && s.hours() >= params.tamperMinHistoryHours()
                            && s.meanWh() > 0) {
                        shares.put(id, h.wh() / s.meanWh());
                    }
                });
        long end = hour + MeterEnergy.HOUR;
        Map<String, TamperState> next = new TreeMap<>();
        List<Signal> signals = new ArrayList<>();
        for (Map.Entry<String, MeterHour> e : new TreeMap<>(hours).entrySet()) {
            String id = e.getKey();
            MeterHour h = e.getValue();
            TamperState s = states.getOrDefault(id, TamperState.INITIAL);
            boolean reverse = h.present() && h.reverseWh() > params.tamperReverseMinWh();
            Double share = shares.get(id);
            double median = neighboursMedian(shares, id);
            boolean low =
                    share != null
                            && share < params.tamperLowShare()
                            && median > params.tamperNeighbourShare();
            if (reverse || low) {
                if (!s.raised()) {
                    signals.add(
                            signal(
                                    SignalAction.RAISE,
                                    id,
                                    h,
                                    s,
                                    share,
                                    median,
                                    reverse,
                                    districtId,
                                    end));
                }
                next.put(id, new TamperState(s.meanWh(), s.hours(), true, TamperState.NONE));
            } else if (!h.present() || !h.complete()) {
                next.put(id, s); // an hour without evidence either way
            } else if (s.raised()) {
                long since = s.normalSince() == TamperState.NONE ? hour : s.normalSince();
                if (end - since >= params.tamperClearAfter().toMillis()) {
                    signals.add(
                            signal(
                                    SignalAction.CLEAR,
                                    id,
                                    h,
                                    s,
                                    share,
                                    median,
                                    false,
                                    districtId,
                                    end));
                    next.put(id, new TamperState(s.meanWh(), s.hours(), false, TamperState.NONE));
                } else {
                    next.put(id, new TamperState(s.meanWh(), s.hours(), true, since));
                }
            } else {
                int n = Math.min(s.hours() + 1, params.tamperMinHistoryHours());
                next.put(
                        id,
                        new TamperState(
                                s.meanWh() + (h.wh() - s.meanWh()) / n,
                                Math.max(n, s.hours()),
                                false,
                                TamperState.NONE));
            }
        }
        return new Step(next, signals);
    }

    /** Median share of the other meters, or NaN with fewer than {@link #MIN_NEIGHBOURS}. */
    static double neighboursMedian(Map<String, Double> shares, String self) {
        List<Double> others = new ArrayList<>();
        shares.forEach(
                (id, s) -> {
                    if (!id.equals(self)) {
                        others.add(s);
                    }
                });
        if (others.size() < MIN_NEIGHBOURS) {
            return Double.NaN;
        }
        others.sort(null);
        int n = others.size();
        return n % 2 == 1 ? others.get(n / 2) : (others.get(n / 2 - 1) + others.get(n / 2)) / 2;
    }

    /**
     * The clear of a raised suspect whose meter was forgotten (not heard for {@code forgetAfter}):
     * no hour of it will come to clear it.
     */
    public Signal forgotten(String meterId, TamperState s, String districtId, long at) {
        return cleared(
                meterId,
                s,
                districtId,
                at,
                "forgotten",
                "Meter " + meterId + " not heard for " + PowerParams.dur(params.forgetAfter()));
    }

    /** The clear of a raised suspect whose meter now reports under another transformer. */
    public Signal moved(String meterId, TamperState s, String districtId, long at) {
        return cleared(
                meterId, s, districtId, at, "moved", "Meter " + meterId + " moved transformer");
    }

    private Signal cleared(
            String meterId,
            TamperState s,
            String districtId,
            long at,
            String reason,
            String message) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("trailingMeanWh", fmt(s.meanWh()));
        a.put("reason", reason);
        return new Signal(
                TYPE,
                meterId,
                Domain.POWER,
                SignalAction.CLEAR,
                Severity.INFO,
                districtId,
                at,
                params.tamperProvenance(),
                message,
                a);
    }

    private Signal signal(
            SignalAction action,
            String meterId,
            MeterHour h,
            TamperState s,
            Double share,
            double median,
            boolean reverse,
            String districtId,
            long at) {
        Map<String, String> a = new LinkedHashMap<>();
        if (action == SignalAction.RAISE) {
            a.put("reason", reverse ? "reverseEnergy" : "lowConsumption");
        }
        a.put("hourWh", fmt(h.wh()));
        a.put("reverseWh", fmt(h.reverseWh()));
        a.put("trailingMeanWh", fmt(s.meanWh()));
        if (share != null) {
            a.put("share", PowerParams.pct(share));
        }
        if (!Double.isNaN(median)) {
            a.put("neighboursMedianShare", PowerParams.pct(median));
        }
        a.put("hour", String.valueOf(h.hour()));
        String message =
                action == SignalAction.CLEAR
                        ? "Meter " + meterId + ": consumption normal again"
                        : reverse
                                ? String.format(
                                        Locale.ROOT,
                                        "Meter %s registered %.0f Wh of reverse energy in an hour",
                                        meterId,
                                        h.reverseWh())
                                : String.format(
                                        Locale.ROOT,
                                        "Meter %s used %.0f Wh, %s of its usual %.0f Wh, while its neighbours did not drop",
                                        meterId,
                                        h.wh(),
                                        PowerParams.pct(share),
                                        s.meanWh());
        return new Signal(
                TYPE,
                meterId,
                Domain.POWER,
                action,
                action == SignalAction.CLEAR ? Severity.INFO : Severity.MINOR,
                districtId,
                at,
                params.tamperProvenance(),
                message,
                a);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
