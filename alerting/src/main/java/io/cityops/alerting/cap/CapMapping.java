package io.cityops.alerting.cap;

import io.cityops.model.Alert;

/**
 * CityOps vocabulary to CAP 1.2 vocabulary (DOMAIN.md, "Severity and CAP mapping"): category by
 * incident type and domain; severity is {@link io.cityops.model.Severity#capSeverity()}.
 */
final class CapMapping {
    private CapMapping() {}

    /**
     * CAP {@code category}: Fire (forest), Env (air, water), Transport, Infra (power), Met (rain).
     */
    static String category(Alert a) {
        String t = a.type();
        if (t.startsWith("rain.")) {
            return "Met";
        }
        if (t.startsWith("water.") || t.startsWith("air.") || t.startsWith("flood.")) {
            return "Env";
        }
        return switch (a.domain()) {
            case FOREST -> "Fire";
            case TRAFFIC -> "Transport";
            case POWER -> "Infra";
            case ENVIRONMENT -> "Env";
        };
    }

    /** CAP identifiers and references may hold neither spaces, commas nor markup characters. */
    static String safe(String s) {
        return s.replaceAll("[\\s,<&]", "_");
    }
}
