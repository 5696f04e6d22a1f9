package io.cityops.dashboards.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a bearer token may do on the dashboard API. */
public enum Role {
    /** Operations center staff: reads everything, sends alert commands. */
    OPERATOR,
    /** Reads alerts, KPIs and history; sends no commands. */
    ANALYST,
    /** A field crew: sees and handles only the alerts assigned to its unit. */
    FIELD_UNIT,
    /** Everything an operator may do, plus administration. */
    ADMIN;

    /** The name used in configuration: {@code operator}, {@code analyst}, {@code field-unit}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Role> fromConfigName(String name) {
        return Arrays.stream(values()).filter(r -> r.configName().equals(name)).findFirst();
    }
}
