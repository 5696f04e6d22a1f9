package io.cityops.alerting.dispatch;

import io.cityops.model.Alert;
import io.cityops.model.AlertState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dispatcher's view of who holds which alert, from the latest alert versions it has read: what
 * an acknowledgement from a unit is checked against. Thread-safe: the poll loop writes, the MQTT
 * callback reads.
 */
public final class AssignmentTable {
    private record Entry(long version, List<String> units, boolean active) {}

    private final Map<String, Entry> byAlert = new ConcurrentHashMap<>();

    /** Records a version unless a newer one of the same alert is already known. */
    public void update(Alert a) {
        Entry e = new Entry(a.version(), a.assignedUnits(), a.state() == AlertState.ACTIVE);
        byAlert.merge(a.alertId(), e, (old, neu) -> neu.version() >= old.version() ? neu : old);
    }

    /** Forgets a deleted alert (a tombstone on the alerts topic). */
    public void remove(String alertId) {
        byAlert.remove(alertId);
    }

    /** Why {@code unitId} may not acknowledge {@code alertId}, or empty when it may. */
    public Optional<String> refusalFor(String unitId, String alertId) {
        Entry e = byAlert.get(alertId);
        if (e == null) {
            return Optional.of("unknown alert");
        }
        if (!e.units().contains(unitId)) {
            return Optional.of("alert is assigned to " + String.join(", ", e.units()));
        }
        return Optional.empty();
    }

    public int size() {
        return byAlert.size();
    }
}
