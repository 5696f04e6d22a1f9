package io.cityops.alerting.routing;

import io.cityops.model.Domain;
import io.cityops.model.city.Capability;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which kind of field unit answers which kind of incident: rules on the signal type's prefix win,
 * then a capability per domain. A plain table so that configuration can replace it later.
 *
 * @param typeRules checked in order; the first whose prefix starts the signal type applies
 * @param byDomain the capability for a domain no type rule matched
 */
public record CapabilityRules(List<TypeRule> typeRules, Map<Domain, Capability> byDomain)
        implements Serializable {

    public CapabilityRules {
        typeRules = List.copyOf(typeRules);
        byDomain = Map.copyOf(byDomain);
    }

    /** A signal type prefix such as {@code water.} and the capability it needs. */
    public record TypeRule(String typePrefix, Capability capability) implements Serializable {
        public TypeRule {
            Objects.requireNonNull(typePrefix, "typePrefix");
            Objects.requireNonNull(capability, "capability");
        }
    }

    /**
     * The platform's defaults: water, rain and flood incidents are for disaster response even
     * though their sensors belong to the environment domain; water.level goes to disaster response
     * only.
     */
    public static CapabilityRules defaults() {
        return new CapabilityRules(
                List.of(
                        new TypeRule("water.", Capability.DISASTER_RESPONSE),
                        new TypeRule("rain.", Capability.DISASTER_RESPONSE),
                        new TypeRule("flood.", Capability.DISASTER_RESPONSE),
                        new TypeRule("air.", Capability.ENVIRONMENT_TEAM)),
                Map.of(
                        Domain.ENVIRONMENT, Capability.ENVIRONMENT_TEAM,
                        Domain.FOREST, Capability.FOREST_RANGER,
                        Domain.TRAFFIC, Capability.TRAFFIC_POLICE,
                        Domain.POWER, Capability.POWER_CREW));
    }

    /** The capability an incident of this type and domain needs, if the table names one. */
    public Optional<Capability> capabilityFor(String type, Domain domain) {
        for (TypeRule rule : typeRules) {
            if (type.startsWith(rule.typePrefix())) {
                return Optional.of(rule.capability());
            }
        }
        return Optional.ofNullable(byDomain.get(domain));
    }
}
