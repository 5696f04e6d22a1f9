package io.cityops.alerting.routing;

import io.cityops.model.Severity;
import io.cityops.model.city.Capability;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line of the routing table: incidents whose type starts with {@link #typePrefix()}, of at
 * least {@link #minSeverity()}, in one of {@link #districts()} (any when empty), need a unit of
 * each of {@link #capabilities()}.
 *
 * <p>Text form, as in configuration: {@code prefix[@MINSEVERITY][#district,district]=CAP[+CAP]},
 * e.g. {@code forest.fire@CRITICAL=FOREST_RANGER+DISASTER_RESPONSE} or {@code
 * water.=DISASTER_RESPONSE}.
 */
public record RoutingRule(
        String typePrefix,
        Severity minSeverity,
        Set<String> districts,
        List<Capability> capabilities)
        implements Serializable {

    public RoutingRule {
        Objects.requireNonNull(typePrefix, "typePrefix");
        Objects.requireNonNull(minSeverity, "minSeverity");
        districts = Set.copyOf(districts);
        capabilities = List.copyOf(capabilities);
        if (capabilities.isEmpty()) {
            throw new IllegalArgumentException("rule " + typePrefix + " names no capability");
        }
    }

    public static RoutingRule of(String typePrefix, Capability... capabilities) {
        return new RoutingRule(typePrefix, Severity.INFO, Set.of(), List.of(capabilities));
    }

    /** Parses the text form; throws IllegalArgumentException naming the bad part. */
    public static RoutingRule parse(String text) {
        String[] sides = text.trim().split("=", 2);
        if (sides.length != 2 || sides[1].isBlank()) {
            throw new IllegalArgumentException("routing rule needs prefix=CAPABILITY: " + text);
        }
        String match = sides[0].trim();
        Set<String> districts = Set.of();
        int hash = match.indexOf('#');
        if (hash >= 0) {
            districts =
                    Arrays.stream(match.substring(hash + 1).split(","))
                            .map(String::trim)
                            .filter(d -> !d.isEmpty())
                            .collect(Collectors.toSet());
            match = match.substring(0, hash);
        }
        Severity min = Severity.INFO;
        int at = match.indexOf('@');
        if (at >= 0) {
            min = Severity.valueOf(match.substring(at + 1).trim());
            match = match.substring(0, at);
        }
        List<Capability> caps =
                Arrays.stream(sides[1].split("\\+"))
                        .map(c -> Capability.valueOf(c.trim()))
                        .toList();
        return new RoutingRule(match.trim(), min, districts, caps);
    }

    public boolean matches(String type, Severity severity, String districtId) {
        return typeMatches(type, typePrefix)
                && severity.compareTo(minSeverity) >= 0
                && (districts.isEmpty() || districts.contains(districtId));
    }

    /**
     * Whether an incident type falls under a prefix, on whole dotted parts: {@code forest.fire}
     * covers {@code forest.fire} and {@code forest.fire.crown} but not {@code forest.fire-danger};
     * a prefix ending in a dot ({@code water.}) covers every type below it.
     */
    public static boolean typeMatches(String type, String prefix) {
        if (!type.startsWith(prefix)) {
            return false;
        }
        return prefix.isEmpty()
                || prefix.endsWith(".")
                || type.length() == prefix.length()
                || type.charAt(prefix.length()) == '.';
    }
}
