package io.cityops.alerting.lifecycle;

import io.cityops.model.Alert;
import io.cityops.model.AlertChange;
import io.cityops.model.AlertState;
import io.cityops.model.Domain;
import io.cityops.model.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The next version of an alert while the lifecycle composes it: a copy of the current version with
 * the version number, time, actor and change already set, whose fields the caller then adjusts.
 * Mutable and short-lived; {@link #build()} gives the immutable {@link Alert}.
 */
final class AlertDraft {
    String alertId;
    long version;
    String type;
    String subjectId;
    Domain domain;
    Severity severity;
    AlertState state;
    boolean acknowledged;
    String districtId;
    List<String> assignedUnits;
    long openedAt;
    long updatedAt;
    String actor;
    String change;
    String message;
    Map<String, String> attributes;
    String acknowledgedBy;
    long shelvedUntil;
    int escalationLevel;
    String parentId;
    List<String> childIds;
    List<String> linkedIds;
    Map<String, String> provenance;
    String note;

    private AlertDraft() {}

    /** The version after {@code a}, caused by {@code actor} at {@code time}. */
    static AlertDraft next(Alert a, AlertChange change, String actor, long time) {
        AlertDraft d = new AlertDraft();
        d.alertId = a.alertId();
        d.version = a.version() + 1;
        d.type = a.type();
        d.subjectId = a.subjectId();
        d.domain = a.domain();
        d.severity = a.severity();
        d.state = a.state();
        d.acknowledged = a.acknowledged();
        d.districtId = a.districtId();
        d.assignedUnits = new ArrayList<>(a.assignedUnits());
        d.openedAt = a.openedAt();
        d.updatedAt = time;
        d.actor = actor;
        d.change = change.name();
        d.message = a.message();
        d.attributes = new HashMap<>(a.attributes());
        d.acknowledgedBy = a.acknowledgedBy();
        d.shelvedUntil = a.shelvedUntil();
        d.escalationLevel = a.escalationLevel();
        d.parentId = a.parentId();
        d.childIds = new ArrayList<>(a.childIds());
        d.linkedIds = new ArrayList<>(a.linkedIds());
        d.provenance = new HashMap<>(a.provenance());
        d.note = null; // a note belongs to the version whose command carried it
        return d;
    }

    /** A first version with nothing but its identity; the caller fills in the rest. */
    static AlertDraft first(String alertId, String type, String subjectId, Domain domain) {
        AlertDraft d = new AlertDraft();
        d.alertId = alertId;
        d.version = 1;
        d.type = type;
        d.subjectId = subjectId;
        d.domain = domain;
        d.state = AlertState.ACTIVE;
        d.assignedUnits = new ArrayList<>();
        d.attributes = new HashMap<>();
        d.childIds = new ArrayList<>();
        d.linkedIds = new ArrayList<>();
        d.provenance = new HashMap<>();
        return d;
    }

    Alert build() {
        return new Alert(
                alertId,
                version,
                type,
                subjectId,
                domain,
                severity,
                state,
                acknowledged,
                districtId,
                assignedUnits,
                openedAt,
                updatedAt,
                actor,
                change,
                message,
                attributes,
                acknowledgedBy,
                shelvedUntil,
                escalationLevel,
                parentId,
                childIds,
                linkedIds,
                provenance,
                note);
    }
}
