package io.cityops.jobs.detection.power;

import io.cityops.model.Domain;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outage decision for one transformer (DOMAIN.md, "Power"): out when at least {@code
 * outageShare} of its customer meters went dark (last gasp, zero volts or silence) within {@code
 * outageWindow} of each other. One {@code power.outage} signal for the transformer, never one per
 * meter: RAISE, UPDATE when more customers go dark while out (meters coming back one by one are not
 * reported each: the CLEAR carries how many are still dark), CLEAR once the dark share has stayed
 * below the threshold for the hold-off (event time).
 */
public final class OutageRule implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String TYPE = "power.outage";

    private final PowerParams params;

    public OutageRule(PowerParams params) {
        this.params = params;
    }

    /** A dark meter: its id, why it is dark, and since when (event time). */
    public record Dark(String meterId, String cause, long onsetTs) {}

    /** The outcome of one evaluation: the state to keep and the signal to emit, if any. */
    public record Step(OutageState state, Optional<Signal> signal) {}

    /**
     * Evaluates the transformer with its dark meters and its number of customer meters, at event
     * time {@code now} (the reading or silence that prompted it).
     */
    public Step evaluate(
            OutageState state,
            String transformerId,
            String districtId,
            List<Dark> dark,
            int customers,
            long now) {
        List<Dark> sorted = new ArrayList<>(dark);
        sorted.sort(Comparator.comparingLong(Dark::onsetTs).thenComparing(Dark::meterId));
        long window = params.outageWindow().toMillis();
        if (!state.raised()) {
            int best = 0;
            int bestFrom = 0;
            for (int from = 0, to = 0; to < sorted.size(); to++) {
                while (sorted.get(to).onsetTs() - sorted.get(from).onsetTs() > window) {
                    from++;
                }
                if (to - from + 1 > best) {
                    best = to - from + 1;
                    bestFrom = from;
                }
            }
            if (!reaches(best, customers)) {
                return new Step(state, Optional.empty());
            }
            long start = sorted.get(bestFrom).onsetTs();
            List<Dark> affected = since(sorted, start - window);
            long at = Math.max(sorted.get(bestFrom + best - 1).onsetTs(), now);
            OutageState next = new OutageState(true, affected.size(), start, OutageState.NONE);
            return new Step(
                    next,
                    Optional.of(
                            signal(
                                    SignalAction.RAISE,
                                    transformerId,
                                    districtId,
                                    affected,
                                    customers,
                                    start,
                                    at)));
        }
        List<Dark> affected = since(sorted, state.clusterStart() - window);
        if (reaches(affected.size(), customers)) {
            OutageState next =
                    new OutageState(
                            true,
                            Math.max(affected.size(), state.affected()),
                            state.clusterStart(),
                            OutageState.NONE);
            Optional<Signal> update =
                    affected.size() <= state.affected()
                            ? Optional.empty()
                            : Optional.of(
                                    signal(
                                            SignalAction.UPDATE,
                                            transformerId,
                                            districtId,
                                            affected,
                                            customers,
                                            state.clusterStart(),
                                            now));
            return new Step(next, update);
        }
        long below = state.belowSince() == OutageState.NONE ? now : state.belowSince();
        if (now - below >= params.outageClearHoldOff().toMillis()) {
            return new Step(
                    OutageState.INITIAL,
                    Optional.of(
                            signal(
                                    SignalAction.CLEAR,
                                    transformerId,
                                    districtId,
                                    affected,
                                    customers,
                                    state.clusterStart(),
                                    now)));
        }
        return new Step(
                new OutageState(true, state.affected(), state.clusterStart(), below),
                Optional.empty());
    }

    /**
     * The clear of a raised outage whose transformer is being forgotten: no meter was heard for
     * {@code forgetAfter}, so it was most likely decommissioned, and the alert must not hang on.
     */
    public Signal forgotten(OutageState state, String transformerId, String districtId, long at) {
        Signal s =
                signal(
                        SignalAction.CLEAR,
                        transformerId,
                        districtId,
                        List.of(),
                        Math.max(state.affected(), 1),
                        state.clusterStart(),
                        at);
        Map<String, String> a = new LinkedHashMap<>(s.attributes());
        a.put("reason", "forgotten");
        a.put("affectedCustomers", String.valueOf(state.affected()));
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
                        + " forgotten: no meter heard for "
                        + PowerParams.dur(params.forgetAfter()),
                a);
    }

    /** Whether {@code dark} of {@code customers} meters reach the outage share (inclusive). */
    boolean reaches(int dark, int customers) {
        return customers > 0 && dark > 0 && dark >= params.outageShare() * customers - 1e-9;
    }

    /**
     * The dark meters of the outage: gone dark since {@code from}, which lies one window before the
     * first meter of the cluster, because a silent meter's onset is when it was last heard, up to a
     * heartbeat before the supply went.
     */
    private static List<Dark> since(List<Dark> sorted, long from) {
        return sorted.stream().filter(d -> d.onsetTs() >= from).toList();
    }

    private Signal signal(
            SignalAction action,
            String transformerId,
            String districtId,
            List<Dark> affected,
            int customers,
            long start,
            long at) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("affectedCustomers", String.valueOf(affected.size()));
        a.put("customers", String.valueOf(customers));
        a.put("share", PowerParams.pct((double) affected.size() / customers));
        a.put("threshold", PowerParams.pct(params.outageShare()));
        a.put("meters", String.join(",", affected.stream().map(Dark::meterId).sorted().toList()));
        a.put("lastGasps", count(affected, MeterLight.LAST_GASP));
        a.put("zeroVoltage", count(affected, MeterLight.ZERO_VOLTAGE));
        a.put("silent", count(affected, MeterLight.SILENT));
        a.put("since", String.valueOf(start));
        String message =
                switch (action) {
                    case RAISE ->
                            "Power outage at transformer "
                                    + transformerId
                                    + ": "
                                    + affected.size()
                                    + " of "
                                    + customers
                                    + " customers without supply";
                    case UPDATE ->
                            "Power outage at transformer "
                                    + transformerId
                                    + ": now "
                                    + affected.size()
                                    + " of "
                                    + customers
                                    + " customers without supply";
                    case CLEAR ->
                            "Supply restored at transformer "
                                    + transformerId
                                    + " ("
                                    + affected.size()
                                    + " of "
                                    + customers
                                    + " customers still dark)";
                };
        return new Signal(
                TYPE,
                transformerId,
                Domain.POWER,
                action,
                action == SignalAction.CLEAR ? Severity.INFO : Severity.MAJOR,
                districtId,
                at,
                params.outageProvenance(),
                message,
                a);
    }

    private static String count(List<Dark> affected, String cause) {
        return String.valueOf(affected.stream().filter(d -> d.cause().equals(cause)).count());
    }
}
