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
import java.util.function.Supplier;

/**
 * The voltage-band detector of one transformer (DOMAIN.md, "Power"; Circular 39/2015/TT-BCT: ±5 %
 * of nominal at the customer). A meter outside the band for {@code voltageMinDuration} (event time)
 * is a MINOR {@code power.voltage} for that meter; when {@code voltageTransformerShare} of the
 * transformer's meters are outside, one MAJOR signal for the transformer replaces theirs (raised
 * meter signals are cleared, and no new ones are raised while it lasts). Meters without supply (an
 * outage) are neither outside nor inside, so an outage never reads as a voltage problem.
 */
public final class VoltageBand implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String TYPE = "power.voltage";

    private final PowerParams params;

    public VoltageBand(PowerParams params) {
        this.params = params;
    }

    /** Whether {@code v} volts are inside the band (inclusive). */
    public boolean inside(double v) {
        return v >= params.lowVoltageV() - 1e-9 && v <= params.highVoltageV() + 1e-9;
    }

    /** Whether {@code v} volts means no supply rather than low voltage. */
    public boolean dark(double v) {
        return v < params.darkVoltageV();
    }

    /** The meter after a reading of {@code v} volts at {@code ts}; {@code prev} may be null. */
    public MeterVoltage meter(MeterVoltage prev, long ts, double v, boolean dark) {
        long out = prev == null ? MeterVoltage.NONE : prev.outsideSince();
        long in = prev == null ? MeterVoltage.NONE : prev.insideSince();
        boolean raised = prev != null && prev.raised();
        if (dark || dark(v)) {
            return new MeterVoltage(ts, v, MeterVoltage.NONE, MeterVoltage.NONE, raised);
        }
        if (inside(v)) {
            return new MeterVoltage(
                    ts, v, MeterVoltage.NONE, in == MeterVoltage.NONE ? ts : in, raised);
        }
        return new MeterVoltage(
                ts, v, out == MeterVoltage.NONE ? ts : out, MeterVoltage.NONE, raised);
    }

    /** The outcome of one reading: the states to keep and the signals to emit (maybe none). */
    public record Step(
            TransformerVoltage transformer,
            Map<String, MeterVoltage> meters,
            List<Signal> signals) {}

    /**
     * Decides after meter {@code changed} took a reading at {@code now}; {@code meters} holds every
     * meter of the transformer with {@code changed} already updated. The returned map holds the
     * meters whose state changed (their raised flag).
     */
    public Step decide(
            TransformerVoltage tv,
            Map<String, MeterVoltage> meters,
            String changed,
            int customers,
            String transformerId,
            String districtId,
            long now) {
        int outside = 0;
        for (MeterVoltage m : meters.values()) {
            outside += m.outside() ? 1 : 0;
        }
        return decide(
                tv,
                outside,
                customers,
                changed,
                meters.get(changed),
                () -> meters,
                transformerId,
                districtId,
                now);
    }

    /**
     * The same decision from counts kept up to date by the caller: {@code outside} meters of the
     * transformer are outside the band (with {@code changed} already updated to {@code
     * changedMeter}). {@code allMeters} is only asked for on the rare transformer-level RAISE and
     * CLEAR, so a reading costs O(1) state reads.
     */
    public Step decide(
            TransformerVoltage tv,
            int outside,
            int customers,
            String changed,
            MeterVoltage changedMeter,
            Supplier<Map<String, MeterVoltage>> allMeters,
            String transformerId,
            String districtId,
            long now) {
        long minMs = params.voltageMinDuration().toMillis();
        long holdMs = params.voltageClearHoldOff().toMillis();
        boolean wide =
                customers > 0 && outside >= params.voltageTransformerShare() * customers - 1e-9;
        Map<String, MeterVoltage> updated = new LinkedHashMap<>();
        List<Signal> signals = new ArrayList<>();
        if (tv.raised()) {
            if (wide) {
                return new Step(
                        new TransformerVoltage(true, tv.wideSince(), TransformerVoltage.NONE),
                        updated,
                        signals);
            }
            long narrow = tv.narrowSince() == TransformerVoltage.NONE ? now : tv.narrowSince();
            if (now - narrow < holdMs) {
                return new Step(
                        new TransformerVoltage(true, tv.wideSince(), narrow), updated, signals);
            }
            Map<String, MeterVoltage> meters = allMeters.get();
            signals.add(
                    transformerSignal(
                            SignalAction.CLEAR,
                            transformerId,
                            districtId,
                            meters,
                            outsideIds(meters),
                            customers,
                            now));
            return new Step(TransformerVoltage.INITIAL, updated, signals);
        }
        if (wide) {
            long since = tv.wideSince() == TransformerVoltage.NONE ? now : tv.wideSince();
            if (now - since < minMs) {
                return new Step(
                        new TransformerVoltage(false, since, TransformerVoltage.NONE),
                        updated,
                        signals);
            }
            Map<String, MeterVoltage> meters = allMeters.get();
            for (Map.Entry<String, MeterVoltage> e : meters.entrySet()) {
                if (e.getValue().raised()) { // subsumed by the transformer's signal
                    updated.put(e.getKey(), e.getValue().withRaised(false));
                    signals.add(
                            meterSignal(
                                    SignalAction.CLEAR,
                                    e.getKey(),
                                    e.getValue(),
                                    districtId,
                                    now,
                                    "transformer " + transformerId));
                }
            }
            signals.add(
                    transformerSignal(
                            SignalAction.RAISE,
                            transformerId,
                            districtId,
                            meters,
                            outsideIds(meters),
                            customers,
                            now));
            return new Step(
                    new TransformerVoltage(true, since, TransformerVoltage.NONE), updated, signals);
        }
        MeterVoltage m = changedMeter;
        if (m != null && !m.raised() && m.sustained(minMs)) {
            updated.put(changed, m.withRaised(true));
            signals.add(meterSignal(SignalAction.RAISE, changed, m, districtId, now, null));
        } else if (m != null && m.raised() && m.settled(holdMs)) {
            updated.put(changed, m.withRaised(false));
            signals.add(meterSignal(SignalAction.CLEAR, changed, m, districtId, now, null));
        }
        return new Step(TransformerVoltage.INITIAL, updated, signals);
    }

    /** The meters outside the band, by id. */
    private static List<String> outsideIds(Map<String, MeterVoltage> meters) {
        List<String> outside = new ArrayList<>();
        meters.forEach(
                (id, m) -> {
                    if (m.outside()) {
                        outside.add(id);
                    }
                });
        outside.sort(null);
        return outside;
    }

    /**
     * The clear of a raised transformer-level signal whose meters were all forgotten (none heard
     * for {@code forgetAfter}): nothing is left to clear it otherwise.
     */
    public Signal transformerForgotten(
            String transformerId, String districtId, int customers, long at) {
        Signal s =
                transformerSignal(
                        SignalAction.CLEAR,
                        transformerId,
                        districtId,
                        Map.of(),
                        List.of(),
                        customers,
                        at);
        Map<String, String> a = new LinkedHashMap<>(s.attributes());
        a.put("reason", "forgotten");
        return new Signal(
                s.type(),
                s.subjectId(),
                s.domain(),
                s.action(),
                s.severity(),
                s.districtId(),
                s.eventTime(),
                s.detector(),
                "Transformer "
                        + transformerId
                        + ": no meter heard for "
                        + PowerParams.dur(params.forgetAfter()),
                a);
    }

    /** The clear of a raised meter that has not reported for {@code forgetAfter}. */
    public Signal forgotten(String meterId, MeterVoltage m, String districtId, long at) {
        return cleared(
                meterId,
                m,
                districtId,
                at,
                "forgotten",
                "Meter " + meterId + " not heard for " + PowerParams.dur(params.forgetAfter()));
    }

    /** The clear of a raised meter that now reports under another transformer. */
    public Signal moved(String meterId, MeterVoltage m, String districtId, long at) {
        return cleared(
                meterId, m, districtId, at, "moved", "Meter " + meterId + " moved transformer");
    }

    private Signal cleared(
            String meterId,
            MeterVoltage m,
            String districtId,
            long at,
            String reason,
            String message) {
        Signal s = meterSignal(SignalAction.CLEAR, meterId, m, districtId, at, null);
        Map<String, String> a = new LinkedHashMap<>(s.attributes());
        a.put("reason", reason);
        return new Signal(
                s.type(),
                s.subjectId(),
                s.domain(),
                s.action(),
                s.severity(),
                s.districtId(),
                s.eventTime(),
                s.detector(),
                message,
                a);
    }

    private Signal meterSignal(
            SignalAction action,
            String meterId,
            MeterVoltage m,
            String districtId,
            long now,
            String coveredBy) {
        Map<String, String> a = band();
        a.put("voltageV", fmt(m.lastV()));
        a.put("direction", m.lastV() < params.lowVoltageV() ? "under" : "over");
        if (m.outside()) {
            a.put("outsideSince", String.valueOf(m.outsideSince()));
        }
        if (coveredBy != null) {
            a.put("coveredBy", coveredBy);
        }
        String message =
                action == SignalAction.RAISE
                        ? String.format(
                                Locale.ROOT,
                                "Meter %s at %.1f V, outside %.1f–%.1f V for %d min",
                                meterId,
                                m.lastV(),
                                params.lowVoltageV(),
                                params.highVoltageV(),
                                (m.lastTs() - m.outsideSince()) / 60_000)
                        : coveredBy != null
                                ? "Meter "
                                        + meterId
                                        + ": covered by the voltage signal of "
                                        + coveredBy
                                : String.format(
                                        Locale.ROOT,
                                        "Meter %s back inside the band at %.1f V",
                                        meterId,
                                        m.lastV());
        return new Signal(
                TYPE,
                meterId,
                Domain.POWER,
                action,
                action == SignalAction.CLEAR ? Severity.INFO : Severity.MINOR,
                districtId,
                now,
                params.voltageProvenance(),
                message,
                a);
    }

    private Signal transformerSignal(
            SignalAction action,
            String transformerId,
            String districtId,
            Map<String, MeterVoltage> meters,
            List<String> outside,
            int customers,
            long now) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int under = 0;
        for (String id : outside) {
            double v = meters.get(id).lastV();
            min = Math.min(min, v);
            max = Math.max(max, v);
            under += v < params.lowVoltageV() ? 1 : 0;
        }
        Map<String, String> a = band();
        a.put("metersOutside", String.valueOf(outside.size()));
        a.put("customers", String.valueOf(customers));
        a.put("share", PowerParams.pct(customers == 0 ? 0 : (double) outside.size() / customers));
        a.put("threshold", PowerParams.pct(params.voltageTransformerShare()));
        a.put("meters", String.join(",", outside));
        if (!outside.isEmpty()) {
            a.put("minV", fmt(min));
            a.put("maxV", fmt(max));
            a.put("direction", under == outside.size() ? "under" : under == 0 ? "over" : "mixed");
        }
        String message =
                action == SignalAction.RAISE
                        ? String.format(
                                Locale.ROOT,
                                "Transformer %s: %d of %d customers outside %.1f–%.1f V",
                                transformerId,
                                outside.size(),
                                customers,
                                params.lowVoltageV(),
                                params.highVoltageV())
                        : "Transformer " + transformerId + ": voltage back inside the band";
        return new Signal(
                TYPE,
                transformerId,
                Domain.POWER,
                action,
                action == SignalAction.CLEAR ? Severity.INFO : Severity.MAJOR,
                districtId,
                now,
                params.voltageProvenance(),
                message,
                a);
    }

    private Map<String, String> band() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("nominalV", fmt(params.nominalVoltageV()));
        a.put("lowV", fmt(params.lowVoltageV()));
        a.put("highV", fmt(params.highVoltageV()));
        return a;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
