package io.cityops.alerting.lifecycle;

import io.cityops.alerting.correlation.CorrelationGroup;
import io.cityops.alerting.correlation.Correlator;
import io.cityops.alerting.routing.UnitRouter;
import io.cityops.model.Alert;
import io.cityops.model.AlertChange;
import io.cityops.model.AlertState;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The alert lifecycle as a state machine over one {@link IncidentGroup}: detector signals open,
 * update and (after a hold-off) clear alerts, reopen them within a window, correlate them into
 * incidents; deadlines escalate, unshelve and forget them. Commands are in {@link CommandRules}.
 * Every method returns the new alert versions, in order; {@code now} is processing time (epoch ms).
 */
public final class AlertLifecycle implements Serializable {
    private static final long serialVersionUID = 2L;

    /** The actor of versions caused by the platform's own deadlines. */
    public static final String SYSTEM_ACTOR = "cityops";

    final UnitRouter router;
    final Correlator correlator;
    final EscalationPolicy escalation;
    private final long holdOffMs;
    private final long reopenWindowMs;

    public AlertLifecycle(
            UnitRouter router,
            Correlator correlator,
            EscalationPolicy escalation,
            Duration holdOff,
            Duration reopenWindow) {
        this.router = Objects.requireNonNull(router, "router");
        this.correlator = Objects.requireNonNull(correlator, "correlator");
        this.escalation = Objects.requireNonNull(escalation, "escalation");
        this.holdOffMs = holdOff.toMillis();
        this.reopenWindowMs = reopenWindow.toMillis();
    }

    /** The versions a detector's signal causes; a CLEAR only starts the hold-off. */
    public List<Alert> onSignal(IncidentGroup g, Signal s, long now) {
        List<Alert> out = new ArrayList<>();
        String id = s.alertKey();
        Optional<Alert> cur = g.alert(id);
        boolean active = cur.map(a -> a.state() == AlertState.ACTIVE).orElse(false);
        Pending p = g.pending(id);
        if (s.action() == SignalAction.CLEAR) {
            if (active && p.clearSignal() == null) {
                if (holdOffMs == 0) {
                    clear(
                            g,
                            cur.get(),
                            AlertChange.CLEAR,
                            s.detector(),
                            s.eventTime(),
                            s,
                            now,
                            out);
                } else {
                    g.setPending(id, p.withClear(now + holdOffMs, s));
                }
            }
            return out;
        }
        if (active) {
            // The condition came back within the hold-off: a flap, not a new incident.
            g.setPending(id, p.withoutClear());
            update(g, cur.get(), s, now, out);
        } else {
            open(g, cur, s, now, out);
        }
        return out;
    }

    /** The versions caused by every deadline of the group that is due at {@code now}. */
    public List<Alert> onTime(IncidentGroup g, long now) {
        List<Alert> out = new ArrayList<>();
        for (String id : g.ids()) {
            Pending p = g.pending(id);
            if (due(p.clearAt(), now)) {
                Signal s = p.clearSignal();
                g.setPending(id, p.withoutClear());
                clear(g, alert(g, id), AlertChange.CLEAR, s.detector(), s.eventTime(), s, now, out);
            }
            if (due(g.pending(id).unshelveAt(), now)) {
                g.setPending(id, g.pending(id).withUnshelveAt(0));
                AlertDraft d =
                        AlertDraft.next(alert(g, id), AlertChange.UNSHELVE, SYSTEM_ACTOR, now);
                d.shelvedUntil = 0;
                d.note = "shelving ended";
                Alert unshelved = d.build();
                emit(g, unshelved, now, out);
                arm(g, unshelved, now);
            }
            if (due(g.pending(id).escalateAt(), now)) {
                g.setPending(id, g.pending(id).withEscalateAt(0));
                escalate(g, alert(g, id), now, out);
            }
            if (due(g.pending(id).forgetAt(), now)) {
                g.forget(id);
            }
        }
        return out;
    }

    private void update(IncidentGroup g, Alert a, Signal s, long now, List<Alert> out) {
        Map<String, String> evidence = new HashMap<>(a.attributes());
        evidence.putAll(s.attributes());
        boolean sameSeverity = a.severity() == s.severity();
        // A repeated RAISE (a restarted detector) only matters when the severity changes.
        boolean noOp =
                sameSeverity
                        && (s.action() == SignalAction.RAISE
                                || (Objects.equals(a.message(), s.message())
                                        && evidence.equals(a.attributes())));
        if (noOp) {
            return;
        }
        AlertDraft d = AlertDraft.next(a, AlertChange.UPDATE, s.detector(), s.eventTime());
        // An escalated severity stays until the detector reports worse.
        d.severity =
                a.escalationLevel() > 0 && a.severity().compareTo(s.severity()) > 0
                        ? a.severity()
                        : s.severity();
        d.message = s.message();
        d.attributes = evidence;
        d.provenance = Provenance.merge(a.provenance(), s);
        d.districtId = s.districtId() != null ? s.districtId() : a.districtId();
        Alert next = d.build();
        emit(g, next, now, out);
        if (next.severity().compareTo(a.severity()) > 0) {
            arm(g, next, now); // worse now: the shorter deadline of the new severity applies
        }
    }

    private void open(
            IncidentGroup g, Optional<Alert> previous, Signal s, long now, List<Alert> out) {
        g.setPending(s.alertKey(), Pending.NONE); // a cleared alert's forget deadline goes
        boolean reopen =
                previous.isPresent()
                        && s.eventTime() - previous.get().updatedAt() <= reopenWindowMs;
        AlertDraft d;
        if (previous.isPresent()) {
            Alert p = previous.get();
            d =
                    AlertDraft.next(
                            p,
                            reopen ? AlertChange.REOPEN : AlertChange.RAISE,
                            s.detector(),
                            s.eventTime());
            if (!reopen) { // a new incident under the same alert id: the version counts on
                d.openedAt = s.eventTime();
                d.attributes = new HashMap<>();
                d.provenance = new HashMap<>();
                d.childIds = new ArrayList<>();
                d.linkedIds = new ArrayList<>();
            }
        } else {
            d = AlertDraft.first(s.alertKey(), s.type(), s.subjectId(), s.domain());
            d.openedAt = s.eventTime();
            d.updatedAt = s.eventTime();
            d.actor = s.detector();
            d.change = AlertChange.RAISE.name();
        }
        d.state = AlertState.ACTIVE;
        d.severity = s.severity();
        d.message = s.message();
        d.attributes.putAll(s.attributes());
        d.provenance = Provenance.merge(d.provenance, s);
        d.districtId = s.districtId() != null ? s.districtId() : d.districtId;
        d.acknowledged = false;
        d.acknowledgedBy = null;
        d.escalationLevel = 0;
        d.shelvedUntil = 0;
        d.parentId = null;
        if (!reopen || d.assignedUnits.isEmpty()) { // a reopened incident keeps its crews
            d.assignedUnits =
                    new ArrayList<>(
                            router.unitsFor(d.alertId, d.type, d.domain, d.severity, d.districtId));
        }
        CorrelationGroup cg = correlator.groupOf(d.alertId, d.type, d.subjectId);
        new Correlation(this, g, cg, now, out).open(d);
    }

    /**
     * Ends an alert: its deadlines go, it is forgotten one reopen window later, children go free.
     */
    void clear(
            IncidentGroup g,
            Alert a,
            AlertChange change,
            String actor,
            long time,
            Signal signal,
            long now,
            List<Alert> out) {
        AlertDraft d = AlertDraft.next(a, change, actor, time);
        d.state = AlertState.CLEARED;
        if (signal != null) {
            d.message = signal.message();
            d.attributes.putAll(signal.attributes());
            d.provenance = Provenance.merge(d.provenance, signal);
        }
        emit(g, d.build(), now, out);
        g.setPending(a.alertId(), Pending.NONE.withForgetAt(now + reopenWindowMs));
        new Correlation(this, g, correlator.groupOf(a.alertId()), now, out).release(a, time);
    }

    private void escalate(IncidentGroup g, Alert a, long now, List<Alert> out) {
        if (!escalates(a, now)) {
            return;
        }
        int level = a.escalationLevel() + 1;
        AlertDraft d = AlertDraft.next(a, AlertChange.ESCALATE, SYSTEM_ACTOR, now);
        d.escalationLevel = level;
        d.severity = EscalationPolicy.bump(a.severity());
        router.nextUnit(a.type(), a.domain(), a.severity(), a.districtId(), d.assignedUnits)
                .ifPresent(d.assignedUnits::add);
        if (level >= escalation.supervisorFromLevel()) {
            escalation
                    .supervisor()
                    .filter(u -> !d.assignedUnits.contains(u))
                    .ifPresent(d.assignedUnits::add);
        }
        d.note = "not acknowledged within " + escalation.deadline(a.severity()).orElseThrow();
        Alert next = d.build();
        emit(g, next, now, out);
        arm(g, next, now);
    }

    /** Sets (or removes) the alert's escalation deadline for its current severity and status. */
    void arm(IncidentGroup g, Alert a, long now) {
        long at =
                escalates(a, now)
                        ? escalation.deadline(a.severity()).map(d -> now + d.toMillis()).orElse(0L)
                        : 0L;
        g.setPending(a.alertId(), g.pending(a.alertId()).withEscalateAt(at));
    }

    private boolean escalates(Alert a, long now) {
        return a.state() == AlertState.ACTIVE
                && !a.acknowledged()
                && !a.suppressed()
                && !a.shelvedAt(now)
                && a.escalationLevel() < escalation.maxLevel()
                && escalation.deadline(a.severity()).isPresent();
    }

    static void emit(IncidentGroup g, Alert a, long now, List<Alert> out) {
        g.put(a);
        out.add(a);
    }

    private static Alert alert(IncidentGroup g, String id) {
        return g.alert(id).orElseThrow();
    }

    private static boolean due(long at, long now) {
        return at > 0 && at <= now;
    }
}
