package io.cityops.alerting.lifecycle;

import io.cityops.alerting.routing.UnitRouter;
import io.cityops.model.Alert;
import io.cityops.model.AlertState;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The minimal alert lifecycle: given an alert's latest version (or none) and a detector's signal,
 * the next version, or nothing when the signal changes nothing. RAISE or UPDATE opens an alert (an
 * UPDATE without an open alert means the RAISE was missed); a RAISE or UPDATE within the reopen
 * window after a CLEAR reopens the same incident, later it starts a new incident under the same
 * alert id with the version counting on; UPDATE changes an active alert; CLEAR clears it.
 */
public final class AlertLifecycle implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Values of {@link Alert#change()} this lifecycle writes. */
    public static final String RAISE = "RAISE";

    public static final String UPDATE = "UPDATE";
    public static final String CLEAR = "CLEAR";
    public static final String REOPEN = "REOPEN";

    private final UnitRouter router;
    private final long reopenWindowMs;

    public AlertLifecycle(UnitRouter router, Duration reopenWindow) {
        this.router = Objects.requireNonNull(router, "router");
        this.reopenWindowMs = reopenWindow.toMillis();
    }

    /** How long after its CLEAR an alert can still be reopened, measured in event time. */
    public Duration reopenWindow() {
        return Duration.ofMillis(reopenWindowMs);
    }

    /**
     * The alert's next version after this signal, or empty when the signal is a duplicate or no-op.
     */
    public Optional<Alert> next(Optional<Alert> current, Signal signal) {
        boolean active = current.map(a -> a.state() == AlertState.ACTIVE).orElse(false);
        if (signal.action() == SignalAction.CLEAR) {
            return active ? Optional.of(clear(current.get(), signal)) : Optional.empty();
        }
        if (!active) {
            return Optional.of(open(current, signal));
        }
        Alert alert = current.get();
        boolean sameSeverity = alert.severity() == signal.severity();
        // A repeated RAISE (a restarted detector) only matters when it escalates or de-escalates.
        boolean noOp =
                signal.action() == SignalAction.RAISE
                        ? sameSeverity
                        : sameSeverity
                                && Objects.equals(alert.message(), signal.message())
                                && alert.attributes().equals(signal.attributes());
        return noOp ? Optional.empty() : Optional.of(update(alert, signal));
    }

    private Alert open(Optional<Alert> cleared, Signal s) {
        if (cleared.isEmpty()) {
            return version(s, 1, s.eventTime(), router.unitsFor(s), RAISE);
        }
        Alert previous = cleared.get();
        if (s.eventTime() - previous.updatedAt() <= reopenWindowMs) {
            // The same incident flapping: the same crews, the original opening time.
            return version(
                    s,
                    previous.version() + 1,
                    previous.openedAt(),
                    previous.assignedUnits(),
                    REOPEN);
        }
        return version(s, previous.version() + 1, s.eventTime(), router.unitsFor(s), RAISE);
    }

    private static Alert update(Alert a, Signal s) {
        return new Alert(
                a.alertId(),
                a.version() + 1,
                a.type(),
                a.subjectId(),
                a.domain(),
                s.severity(),
                AlertState.ACTIVE,
                a.acknowledged(),
                districtOf(a, s),
                a.assignedUnits(),
                a.openedAt(),
                s.eventTime(),
                s.detector(),
                UPDATE,
                s.message(),
                s.attributes());
    }

    // The clear keeps the severity the incident had, so the record says what has ended.
    private static Alert clear(Alert a, Signal s) {
        return new Alert(
                a.alertId(),
                a.version() + 1,
                a.type(),
                a.subjectId(),
                a.domain(),
                a.severity(),
                AlertState.CLEARED,
                a.acknowledged(),
                districtOf(a, s),
                a.assignedUnits(),
                a.openedAt(),
                s.eventTime(),
                s.detector(),
                CLEAR,
                s.message(),
                s.attributes());
    }

    private static Alert version(
            Signal s, long version, long openedAt, List<String> units, String change) {
        return new Alert(
                s.alertKey(),
                version,
                s.type(),
                s.subjectId(),
                s.domain(),
                s.severity(),
                AlertState.ACTIVE,
                false,
                s.districtId(),
                units,
                openedAt,
                s.eventTime(),
                s.detector(),
                change,
                s.message(),
                s.attributes());
    }

    private static String districtOf(Alert a, Signal s) {
        return s.districtId() != null ? s.districtId() : a.districtId();
    }
}
