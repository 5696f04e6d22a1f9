package io.cityops.dashboards.alerts;

import io.cityops.dashboards.BadParameter;
import io.cityops.dashboards.auth.AccessPolicy;
import io.cityops.dashboards.auth.Principal;
import io.cityops.model.Alert;
import io.cityops.model.AlertState;
import io.cityops.model.Domain;
import io.cityops.model.Severity;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which alerts a list request wants, already narrowed to what the caller may see. Built from query
 * parameters by {@link #parse}, which rejects anything it does not understand.
 */
public record AlertFilter(
        Principal viewer,
        Set<AlertState> states,
        Set<Severity> severities,
        Set<Domain> domains,
        Optional<String> districtId,
        Optional<String> unitId,
        Optional<Boolean> acknowledged,
        int limit) {

    public static final int MAX_LIMIT = 1000;

    /** Every active alert the viewer may see. */
    public static AlertFilter active(Principal viewer) {
        return new AlertFilter(
                viewer,
                EnumSet.of(AlertState.ACTIVE),
                EnumSet.allOf(Severity.class),
                EnumSet.allOf(Domain.class),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Integer.MAX_VALUE);
    }

    public boolean matches(Alert a) {
        return AccessPolicy.canSee(viewer, a)
                && states.contains(a.state())
                && severities.contains(a.severity())
                && domains.contains(a.domain())
                && districtId.map(d -> d.equals(a.districtId())).orElse(true)
                && unitId.map(a.assignedUnits()::contains).orElse(true)
                && acknowledged.map(k -> k == a.acknowledged()).orElse(true);
    }

    /** Parses {@code state, severity, domain, district, unit, acknowledged, limit}. */
    public static AlertFilter parse(Principal viewer, Map<String, List<String>> query) {
        for (String key : query.keySet()) {
            if (!Set.of("state", "severity", "domain", "district", "unit", "acknowledged", "limit")
                    .contains(key)) {
                throw new BadParameter(
                        "unknown parameter '"
                                + key
                                + "'; use state, severity, domain, district, unit, acknowledged,"
                                + " limit");
            }
        }
        return new AlertFilter(
                viewer,
                enums(query, "state", AlertState.class),
                enums(query, "severity", Severity.class),
                enums(query, "domain", Domain.class),
                single(query, "district"),
                single(query, "unit"),
                single(query, "acknowledged").map(AlertFilter::bool),
                single(query, "limit").map(AlertFilter::limit).orElse(200));
    }

    private static <E extends Enum<E>> Set<E> enums(
            Map<String, List<String>> query, String key, Class<E> type) {
        List<String> raw = query.getOrDefault(key, List.of());
        if (raw.isEmpty()) {
            return EnumSet.allOf(type);
        }
        Set<E> out = EnumSet.noneOf(type);
        for (String csv : raw) {
            for (String v : csv.split(",")) {
                String name = v.trim().toUpperCase(Locale.ROOT);
                out.add(
                        Arrays.stream(type.getEnumConstants())
                                .filter(c -> c.name().equals(name))
                                .findFirst()
                                .orElseThrow(
                                        () ->
                                                new BadParameter(
                                                        key
                                                                + " '"
                                                                + v
                                                                + "' is not one of "
                                                                + Arrays.stream(
                                                                                type
                                                                                        .getEnumConstants())
                                                                        .map(Enum::name)
                                                                        .collect(
                                                                                Collectors.joining(
                                                                                        ", ")))));
            }
        }
        return out;
    }

    static Optional<String> single(Map<String, List<String>> query, String key) {
        List<String> raw = query.getOrDefault(key, List.of());
        if (raw.size() > 1) {
            throw new BadParameter("parameter '" + key + "' given more than once");
        }
        return raw.stream().findFirst().map(String::trim).filter(s -> !s.isEmpty());
    }

    private static boolean bool(String v) {
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default ->
                    throw new BadParameter("acknowledged must be true or false, not '" + v + "'");
        };
    }

    private static int limit(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new BadParameter(
                "limit must be an integer from 1 to " + MAX_LIMIT + ", not '" + v + "'");
    }
}
