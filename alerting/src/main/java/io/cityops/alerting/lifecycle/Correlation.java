package io.cityops.alerting.lifecycle;

import io.cityops.alerting.correlation.CorrelationGroup;
import io.cityops.alerting.correlation.CorrelationMode;
import io.cityops.model.Alert;
import io.cityops.model.AlertChange;
import java.util.List;
import java.util.Optional;

/**
 * One correlation step of the lifecycle: places an opening alert in its incident (as the incident,
 * a child absorbed under it, or a linked peer) and frees children when their incident ends.
 * Children stay visible with their parent id; the parent lists them.
 */
final class Correlation {
    private final AlertLifecycle lifecycle;
    private final IncidentGroup g;
    private final CorrelationGroup cg;
    private final long now;
    private final List<Alert> out;

    Correlation(
            AlertLifecycle lifecycle,
            IncidentGroup g,
            CorrelationGroup cg,
            long now,
            List<Alert> out) {
        this.lifecycle = lifecycle;
        this.g = g;
        this.cg = cg;
        this.now = now;
        this.out = out;
    }

    /** Emits the opening version {@code d} and whatever its group's other alerts need. */
    void open(AlertDraft d) {
        List<Alert> others =
                g.activeTopLevel().stream().filter(o -> !o.alertId().equals(d.alertId)).toList();
        switch (cg.mode()) {
            case NONE -> emitAndArm(d.build());
            case LINK -> link(d, others);
            case ROOT_ABSORBS, FIRST_ABSORBS -> absorb(d, others);
        }
    }

    private void absorb(AlertDraft d, List<Alert> others) {
        boolean isRoot =
                cg.mode() == CorrelationMode.ROOT_ABSORBS
                        && lifecycle.correlator.mayAbsorb(cg, d.build());
        Optional<Alert> parent =
                isRoot
                        ? Optional.empty()
                        : others.stream()
                                .filter(o -> lifecycle.correlator.mayAbsorb(cg, o))
                                .findFirst();
        if (parent.isPresent()) {
            d.parentId = parent.get().alertId();
            emitAndArm(d.build());
            AlertDraft p =
                    AlertDraft.next(parent.get(), AlertChange.CORRELATE, d.actor, d.updatedAt);
            if (!p.childIds.contains(d.alertId)) {
                p.childIds.add(d.alertId);
            }
            p.note = "absorbed " + d.alertId;
            AlertLifecycle.emit(g, p.build(), now, out);
            return;
        }
        if (!isRoot) {
            emitAndArm(d.build());
            return;
        }
        List<Alert> children =
                others.stream().filter(o -> !lifecycle.correlator.mayAbsorb(cg, o)).toList();
        children.forEach(
                c -> {
                    if (!d.childIds.contains(c.alertId())) {
                        d.childIds.add(c.alertId());
                    }
                });
        emitAndArm(d.build());
        for (Alert c : children) {
            AlertDraft cd = AlertDraft.next(c, AlertChange.CORRELATE, d.actor, d.updatedAt);
            cd.parentId = d.alertId;
            cd.note = "absorbed by " + d.alertId;
            emitAndArm(cd.build());
        }
    }

    private void link(AlertDraft d, List<Alert> others) {
        for (Alert o : others) {
            if (!d.linkedIds.contains(o.alertId())) {
                d.linkedIds.add(o.alertId());
            }
        }
        emitAndArm(d.build());
        for (Alert o : others) {
            if (!o.linkedIds().contains(d.alertId)) {
                AlertDraft od = AlertDraft.next(o, AlertChange.CORRELATE, d.actor, d.updatedAt);
                od.linkedIds.add(d.alertId);
                od.note = "linked with " + d.alertId;
                AlertLifecycle.emit(g, od.build(), now, out);
            }
        }
    }

    /** Frees the still-active children of an incident that ended: they stand on their own again. */
    void release(Alert parent, long time) {
        for (String childId : parent.childIds()) {
            Optional<Alert> child =
                    g.alert(childId)
                            .filter(c -> c.state() == io.cityops.model.AlertState.ACTIVE)
                            .filter(c -> parent.alertId().equals(c.parentId()));
            if (child.isPresent()) {
                AlertDraft cd =
                        AlertDraft.next(
                                child.get(),
                                AlertChange.CORRELATE,
                                AlertLifecycle.SYSTEM_ACTOR,
                                time);
                cd.parentId = null;
                cd.note = "released: " + parent.alertId() + " ended";
                emitAndArm(cd.build());
            }
        }
    }

    private void emitAndArm(Alert a) {
        AlertLifecycle.emit(g, a, now, out);
        lifecycle.arm(g, a, now);
    }
}
