package io.cityops.dashboards.auth;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the {@code dashboards.tokens} setting and generates default tokens for the all-in-one.
 * Format: comma-separated {@code token=role[:unitId][@name]}, e.g. {@code
 * 9f2c...=operator@duty-desk,77ab...=field-unit:ranger-muongte}.
 */
public final class TokenSpec {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSpec() {}

    public static Map<String, Principal> parse(String spec) {
        Map<String, Principal> tokens = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            if (eq < 16) {
                throw new IllegalArgumentException(
                        "dashboards.tokens entry must be token=role[:unit][@name] with a token of"
                                + " at least 16 characters");
            }
            String token = e.substring(0, eq);
            String rest = e.substring(eq + 1);
            String name = null;
            if (rest.contains("@")) {
                name = rest.substring(rest.indexOf('@') + 1);
                rest = rest.substring(0, rest.indexOf('@'));
            }
            String[] roleAndUnit = rest.split(":", 2);
            String roleName = roleAndUnit[0];
            Role role =
                    Role.fromConfigName(roleName)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "dashboards.tokens: unknown role '"
                                                            + roleName
                                                            + "'"));
            Optional<String> unit =
                    roleAndUnit.length == 2 ? Optional.of(roleAndUnit[1]) : Optional.empty();
            String who = name != null ? name : unit.map(u -> "unit:" + u).orElse(role.configName());
            tokens.put(token, new Principal(who, role, unit));
        }
        return tokens;
    }

    /** One fresh token per office role and one per field unit, in the spec format. */
    public static String generate(List<String> unitIds) {
        List<String> entries = new ArrayList<>();
        for (Role role : List.of(Role.ADMIN, Role.OPERATOR, Role.ANALYST)) {
            entries.add(newToken() + "=" + role.configName());
        }
        for (String unit : unitIds) {
            entries.add(newToken() + "=" + Role.FIELD_UNIT.configName() + ":" + unit);
        }
        return String.join(",", entries);
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
