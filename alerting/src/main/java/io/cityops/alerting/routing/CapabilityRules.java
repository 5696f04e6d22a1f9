package io.cityops.alerting.routing;

import io.cityops.model.Domain;
import io.cityops.model.Severity;
import io.cityops.model.city.Capability;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Which kinds of field unit answer which incidents: the first {@link RoutingRule} that matches the
 * type, severity and district wins; otherwise the domain's capability. Configurable with {@link
 * #parse(String)} (rules separated by {@code ;}), checked before the defaults.
 *
 * @param rules checked in order
 * @param byDomain the capability for an incident no rule matched
 */
public record CapabilityRules(List<RoutingRule> rules, Map<Domain, Capability> byDomain)
        implements Serializable {

    public CapabilityRules {
        rules = List.copyOf(rules);
        byDomain = Map.copyOf(byDomain);
    }

    /**
     * The platform's defaults: water, rain and flood incidents are for disaster response even
     * though their sensors belong to the environment domain; a critical forest fire also calls
     * disaster response.
     */
    public static CapabilityRules defaults() {
        return new CapabilityRules(
                List.of(
                        RoutingRule.parse("forest.fire@CRITICAL=FOREST_RANGER+DISASTER_RESPONSE"),
                        RoutingRule.of("water.", Capability.DISASTER_RESPONSE),
                        RoutingRule.of("rain.", Capability.DISASTER_RESPONSE),
                        RoutingRule.of("flood.", Capability.DISASTER_RESPONSE),
                        RoutingRule.of("air.", Capability.ENVIRONMENT_TEAM)),
                Map.of(
                        Domain.ENVIRONMENT, Capability.ENVIRONMENT_TEAM,
                        Domain.FOREST, Capability.FOREST_RANGER,
                        Domain.TRAFFIC, Capability.TRAFFIC_POLICE,
                        Domain.POWER, Capability.POWER_CREW));
    }

    /** Configured rules (e.g. {@code a.=X;b.@MAJOR=Y+Z}) ahead of the defaults. */
    public static CapabilityRules parse(String text) {
        CapabilityRules d = defaults();
        if (text == null || text.isBlank()) {
            return d;
        }
        List<RoutingRule> configured =
                Arrays.stream(text.split(";"))
                        .filter(r -> !r.isBlank())
                        .map(RoutingRule::parse)
                        .toList();
        return new CapabilityRules(
                java.util.stream.Stream.concat(configured.stream(), d.rules().stream()).toList(),
                d.byDomain());
    }

    /** The capabilities an incident needs, primary first; empty if the table names none. */
    public List<Capability> capabilitiesFor(
            String type, Domain domain, Severity severity, String districtId) {
        for (RoutingRule rule : rules) {
            if (rule.matches(type, severity, districtId)) {
                return rule.capabilities();
            }
        }
        Capability c = byDomain.get(domain);
        return c == null ? List.of() : List.of(c);
    }
}
