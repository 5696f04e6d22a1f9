package io.cityops.alerting.lifecycle;

import io.cityops.model.Alert;
import io.cityops.model.AlertState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The alerts of one correlation group with their deadlines: the lifecycle's state for one key,
 * loaded from Flink state before an event and written back after it. Plain Java so that {@link
 * AlertLifecycle} can be tested without Flink.
 */
public final class IncidentGroup {
    private final Map<String, Alert> alerts = new LinkedHashMap<>();
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Set<String> forgotten = new HashSet<>();

    public IncidentGroup(Map<String, Alert> alerts, Map<String, Pending> pending) {
        this.alerts.putAll(alerts);
        this.pending.putAll(pending);
    }

    public static IncidentGroup empty() {
        return new IncidentGroup(Map.of(), Map.of());
    }

    public Optional<Alert> alert(String alertId) {
        return Optional.ofNullable(alerts.get(alertId));
    }

    public Pending pending(String alertId) {
        return pending.getOrDefault(alertId, Pending.NONE);
    }

    void put(Alert alert) {
        alerts.put(alert.alertId(), alert);
        forgotten.remove(alert.alertId());
    }

    void setPending(String alertId, Pending p) {
        if (p.isEmpty() && p.clearSignal() == null) {
            pending.remove(alertId);
        } else {
            pending.put(alertId, p);
        }
    }

    void forget(String alertId) {
        alerts.remove(alertId);
        pending.remove(alertId);
        forgotten.add(alertId);
    }

    /** Active alerts that are not children of another, oldest first. */
    List<Alert> activeTopLevel() {
        return alerts.values().stream()
                .filter(a -> a.state() == AlertState.ACTIVE && !a.suppressed())
                .sorted(
                        java.util.Comparator.comparingLong(Alert::openedAt)
                                .thenComparing(Alert::alertId))
                .toList();
    }

    /** Alert ids in a stable order, for deterministic processing of due deadlines. */
    List<String> ids() {
        return new ArrayList<>(new TreeSet<>(alerts.keySet()));
    }

    public Map<String, Alert> alerts() {
        return Map.copyOf(alerts);
    }

    public Map<String, Pending> pendings() {
        return Map.copyOf(pending);
    }

    /** Alerts removed from the group since it was loaded, whose state must be deleted. */
    public Set<String> forgotten() {
        return Set.copyOf(forgotten);
    }

    /** Every processing time at which something in the group is due. */
    public Set<Long> deadlines() {
        Set<Long> all = new TreeSet<>();
        pending.values().forEach(p -> p.deadlines().forEach(all::add));
        return all;
    }
}
