package io.cityops.alerting.lifecycle;

import io.cityops.model.Alert;
import io.cityops.model.AlertChange;
import io.cityops.model.AlertCommand;
import io.cityops.model.AlertState;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies operators' and field units' commands to an {@link IncidentGroup}. A field unit may only
 * act on alerts assigned to it; a command that changes nothing (a repeated acknowledgement, as
 * MQTT's at-least-once delivery produces) is accepted without a version.
 */
public final class CommandRules implements Serializable {
    private static final long serialVersionUID = 1L;

    private final AlertLifecycle lifecycle;

    public CommandRules(AlertLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    public CommandOutcome apply(IncidentGroup g, AlertCommand c, long now) {
        Optional<Alert> cur = g.alert(c.alertId());
        if (cur.isEmpty()) {
            return CommandOutcome.rejected("no such alert (or forgotten after its clear)");
        }
        Alert a = cur.get();
        Optional<String> unit = c.unitId();
        if (unit.isPresent() && !a.assignedUnits().contains(unit.get())) {
            return CommandOutcome.rejected("unit " + unit.get() + " is not assigned to it");
        }
        long time = c.time() > 0 ? c.time() : now;
        List<Alert> out = new ArrayList<>();
        switch (c.type()) {
            case ACKNOWLEDGE -> {
                if (a.acknowledged()) {
                    break;
                }
                AlertDraft d = draft(a, AlertChange.ACKNOWLEDGE, c, time);
                d.acknowledged = true;
                d.acknowledgedBy = c.actor();
                emit(g, d.build(), now, out);
            }
            case ASSIGN -> {
                if (!lifecycle.router.knows(c.assignee())) {
                    return CommandOutcome.rejected("unknown unit " + c.assignee());
                }
                if (a.assignedUnits().equals(List.of(c.assignee()))) {
                    break;
                }
                AlertDraft d = draft(a, AlertChange.ASSIGN, c, time);
                d.assignedUnits = new ArrayList<>(List.of(c.assignee()));
                emit(g, d.build(), now, out); // the new crew gets a fresh deadline
            }
            case RESOLVE -> {
                if (a.state() == AlertState.CLEARED) {
                    break;
                }
                g.setPending(a.alertId(), Pending.NONE);
                lifecycle.clear(g, a, AlertChange.RESOLVE, c.actor(), time, null, now, out);
                out.set(0, withNote(out.get(0), c));
                g.put(out.get(0));
            }
            case COMMENT -> {
                if (c.commentText().isEmpty()) {
                    return CommandOutcome.rejected("empty comment");
                }
                AlertLifecycle.emit(g, draft(a, AlertChange.COMMENT, c, time).build(), now, out);
            }
            case SHELVE -> {
                AlertDraft d = draft(a, AlertChange.SHELVE, c, time);
                d.shelvedUntil = c.shelveUntil();
                emit(g, d.build(), now, out);
                g.setPending(a.alertId(), g.pending(a.alertId()).withUnshelveAt(c.shelveUntil()));
            }
            case UNSHELVE -> {
                if (a.shelvedUntil() == 0) {
                    break;
                }
                AlertDraft d = draft(a, AlertChange.UNSHELVE, c, time);
                d.shelvedUntil = 0;
                emit(g, d.build(), now, out);
                g.setPending(a.alertId(), g.pending(a.alertId()).withUnshelveAt(0));
            }
        }
        return CommandOutcome.accepted(out);
    }

    private void emit(IncidentGroup g, Alert a, long now, List<Alert> out) {
        AlertLifecycle.emit(g, a, now, out);
        lifecycle.arm(g, a, now);
    }

    private static AlertDraft draft(Alert a, AlertChange change, AlertCommand c, long time) {
        AlertDraft d = AlertDraft.next(a, change, c.actor(), time);
        d.note = c.commentText().orElse(null);
        return d;
    }

    private static Alert withNote(Alert a, AlertCommand c) {
        if (c.commentText().isEmpty()) {
            return a;
        }
        return new Alert(
                a.alertId(),
                a.version(),
                a.type(),
                a.subjectId(),
                a.domain(),
                a.severity(),
                a.state(),
                a.acknowledged(),
                a.districtId(),
                a.assignedUnits(),
                a.openedAt(),
                a.updatedAt(),
                a.actor(),
                a.change(),
                a.message(),
                a.attributes(),
                a.acknowledgedBy(),
                a.shelvedUntil(),
                a.escalationLevel(),
                a.parentId(),
                a.childIds(),
                a.linkedIds(),
                a.provenance(),
                c.comment());
    }
}
