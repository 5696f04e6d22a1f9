package io.cityops.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of an alert: the value of the compacted {@code alerts} topic, keyed by {@link
 * #alertId()}. Each transition writes a new version, so the topic is the alert's audit trail and
 * its latest version is the alert's current state.
 *
 * @param version starts at 1 and grows by one per transition
 * @param assignedUnits field units that receive this alert, chosen by area and capability
 * @param openedAt event time the alert was raised (epoch ms)
 * @param updatedAt event time of this version (epoch ms)
 * @param actor who caused this version: a detector name, an operator or a field unit
 * @param change what happened in this version, one of {@link AlertChange}'s names
 * @param acknowledgedBy who acknowledged the alert (null while unacknowledged)
 * @param shelvedUntil the alert is shelved (silenced) until this time (epoch ms); 0 when not
 * @param escalationLevel how many times the alert escalated for want of an acknowledgement
 * @param parentId the incident that absorbed this alert (correlation); null for a top-level alert
 * @param childIds alerts absorbed under this one; they stay visible but are not dispatched
 * @param linkedIds related top-level alerts, e.g. stations upstream and downstream on one river
 * @param provenance why the alert exists: detector, parameter set, window, watermark, quality
 * @param note the remark that came with this version's command (null if none)
 */
public record Alert(
        String alertId,
        long version,
        String type,
        String subjectId,
        Domain domain,
        Severity severity,
        AlertState state,
        boolean acknowledged,
        String districtId,
        List<String> assignedUnits,
        long openedAt,
        long updatedAt,
        String actor,
        String change,
        String message,
        Map<String, String> attributes,
        String acknowledgedBy,
        long shelvedUntil,
        int escalationLevel,
        String parentId,
        List<String> childIds,
        List<String> linkedIds,
        Map<String, String> provenance,
        String note) {

    /** The alert as the spine wrote it, before correlation, escalation and commands existed. */
    public Alert(
            String alertId,
            long version,
            String type,
            String subjectId,
            Domain domain,
            Severity severity,
            AlertState state,
            boolean acknowledged,
            String districtId,
            List<String> assignedUnits,
            long openedAt,
            long updatedAt,
            String actor,
            String change,
            String message,
            Map<String, String> attributes) {
        this(
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
                null,
                0,
                0,
                null,
                List.of(),
                List.of(),
                Map.of(),
                null);
    }

    /**
     * Versions written before these fields existed decode with nulls for them; they read as empty.
     */
    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(state, "state");
        assignedUnits = List.copyOf(Objects.requireNonNull(assignedUnits, "assignedUnits"));
        attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
        childIds = childIds == null ? List.of() : List.copyOf(childIds);
        linkedIds = linkedIds == null ? List.of() : List.copyOf(linkedIds);
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
    }

    /** Whether the alert is absorbed under another incident and so goes to no unit on its own. */
    public boolean suppressed() {
        return parentId != null;
    }

    /** Whether the alert is shelved at {@code now} (epoch ms). */
    public boolean shelvedAt(long now) {
        return shelvedUntil > now;
    }

    public Optional<String> acknowledger() {
        return Optional.ofNullable(acknowledgedBy);
    }

    public Optional<String> parent() {
        return Optional.ofNullable(parentId);
    }
}
