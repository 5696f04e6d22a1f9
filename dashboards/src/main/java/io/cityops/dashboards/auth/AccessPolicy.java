package io.cityops.dashboards.auth;

import io.cityops.dashboards.alerts.AlertCommandType;
import io.cityops.model.Alert;
import java.util.EnumSet;
import java.util.Set;

/** Who may do what: the single place the role rules of the dashboard API live. */
public final class AccessPolicy {
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> OFFICE = EnumSet.of(Role.OPERATOR, Role.ANALYST, Role.ADMIN);

    private AccessPolicy() {}

    /** Roles allowed on alert lists, alert details, sensors, KPIs and the live stream. */
    public static Set<Role> readers() {
        return EVERYONE;
    }

    /** Roles allowed to query history. */
    public static Set<Role> historyReaders() {
        return OFFICE;
    }

    /** Roles allowed on the live panels (AQI, traffic, outages, latest aggregates). */
    public static Set<Role> liveReaders() {
        return OFFICE;
    }

    /** Roles that may send a command of this type, before looking at the alert itself. */
    public static Set<Role> commanders(AlertCommandType type) {
        return type == AlertCommandType.ASSIGN
                ? EnumSet.of(Role.OPERATOR, Role.ADMIN)
                : EnumSet.of(Role.OPERATOR, Role.ADMIN, Role.FIELD_UNIT);
    }

    /** A field unit sees only alerts assigned to it; every other role sees all. */
    public static boolean canSee(Principal who, Alert alert) {
        return who.role() != Role.FIELD_UNIT
                || who.unitId().map(alert.assignedUnits()::contains).orElse(false);
    }
}
