package io.cityops.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * @param change what happened in this version, e.g. {@code RAISE}, {@code UPDATE}, {@code CLEAR}
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
        Map<String, String> attributes) {

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(state, "state");
        assignedUnits = List.copyOf(Objects.requireNonNull(assignedUnits, "assignedUnits"));
        attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
    }
}
