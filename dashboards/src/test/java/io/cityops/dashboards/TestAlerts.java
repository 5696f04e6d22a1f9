package io.cityops.dashboards;

import io.cityops.model.Alert;
import io.cityops.model.AlertState;
import io.cityops.model.Domain;
import io.cityops.model.Severity;
import java.util.List;
import java.util.Map;

/** Named builders for alerts in tests, at fixed instants. */
public final class TestAlerts {
    public static final long T0 = 1_763_884_800_000L; // 2025-11-23T08:00:00Z

    private TestAlerts() {}

    /** A fresh, unacknowledged flood alert in Mường Tè, assigned to the Mường Tè rangers. */
    public static Alert riverFlood(String alertId) {
        return new Alert(
                alertId,
                1,
                "water.level",
                "river-107-da",
                Domain.ENVIRONMENT,
                Severity.CRITICAL,
                AlertState.ACTIVE,
                false,
                "107",
                List.of("ranger-muongte"),
                T0,
                T0,
                "river-level-detector",
                "RAISE",
                "Mực nước sông Đà vượt báo động 2",
                Map.of("levelCm", "28650"));
    }

    /** An alert for another unit in another district. */
    public static Alert cityTraffic(String alertId) {
        return new Alert(
                alertId,
                1,
                "traffic.congestion",
                "road-105-1",
                Domain.TRAFFIC,
                Severity.MINOR,
                AlertState.ACTIVE,
                false,
                "105",
                List.of("police-city"),
                T0,
                T0,
                "congestion-detector",
                "RAISE",
                "Ùn tắc",
                Map.of());
    }

    /** An outage of transformer tr-105-1 in Lai Châu city, with the detector's customer count. */
    public static Alert transformerOutage(String alertId, String affectedCustomers) {
        return new Alert(
                alertId,
                1,
                "power.outage",
                "tr-105-1",
                Domain.POWER,
                Severity.MAJOR,
                AlertState.ACTIVE,
                false,
                "105",
                List.of("evn-city"),
                T0,
                T0,
                "power-outage/v1",
                "RAISE",
                "Mất điện TBA Lai Chau city 1",
                Map.of("affectedCustomers", affectedCustomers, "metersOut", "8"));
    }

    /** The next version of an alert after the lifecycle applied an acknowledgement. */
    public static Alert acknowledged(Alert a, String actor, long at) {
        return new Alert(
                a.alertId(),
                a.version() + 1,
                a.type(),
                a.subjectId(),
                a.domain(),
                a.severity(),
                a.state(),
                true,
                a.districtId(),
                a.assignedUnits(),
                a.openedAt(),
                at,
                actor,
                "ACKNOWLEDGE",
                a.message(),
                a.attributes());
    }

    /** The next version after a resolve. */
    public static Alert cleared(Alert a, String actor, long at) {
        return new Alert(
                a.alertId(),
                a.version() + 1,
                a.type(),
                a.subjectId(),
                a.domain(),
                a.severity(),
                AlertState.CLEARED,
                a.acknowledged(),
                a.districtId(),
                a.assignedUnits(),
                a.openedAt(),
                at,
                actor,
                "RESOLVE",
                a.message(),
                a.attributes());
    }
}
