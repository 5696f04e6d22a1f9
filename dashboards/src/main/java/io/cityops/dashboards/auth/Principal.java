package io.cityops.dashboards.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling: a named token holder with one role; field-unit principals also carry their unit.
 *
 * @param name shown in audit trails as the actor of commands
 */
public record Principal(String name, Role role, Optional<String> unitId) {
    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(unitId, "unitId");
        if (role == Role.FIELD_UNIT && unitId.isEmpty()) {
            throw new IllegalArgumentException("a field-unit principal needs a unit id");
        }
    }

    public static Principal of(String name, Role role) {
        return new Principal(name, role, Optional.empty());
    }

    public static Principal fieldUnit(String unitId) {
        return new Principal("unit:" + unitId, Role.FIELD_UNIT, Optional.of(unitId));
    }
}
