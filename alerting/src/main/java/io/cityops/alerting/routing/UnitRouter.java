package io.cityops.alerting.routing;

import io.cityops.model.Domain;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.city.Capability;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.District;
import io.cityops.model.city.FieldUnit;
import io.cityops.model.city.GeoPoint;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the field units for an alert: for each capability the rules name, the nearest available
 * unit covering the district; when none covers it, the nearest available capable unit anywhere, so
 * an incident never goes to nobody while a capable unit exists. The other candidates, in the same
 * order, are the fallbacks escalation turns to. Pure apart from logging.
 */
public final class UnitRouter implements Serializable {
    private static final long serialVersionUID = 2L;
    private static final Logger LOG = LoggerFactory.getLogger(UnitRouter.class);

    private final CityModel city;
    private final CapabilityRules rules;
    private final Set<String> unavailable;

    public UnitRouter(CityModel city) {
        this(city, CapabilityRules.defaults(), Set.of());
    }

    /**
     * @param unavailable units that take no new alerts (off duty, out of service)
     */
    public UnitRouter(CityModel city, CapabilityRules rules, Set<String> unavailable) {
        this.city = city;
        this.rules = rules;
        this.unavailable = Set.copyOf(unavailable);
    }

    /** The units that should receive the alert for this signal: one per needed capability. */
    public List<String> unitsFor(Signal s) {
        return unitsFor(s.alertKey(), s.type(), s.domain(), s.severity(), s.districtId());
    }

    public List<String> unitsFor(
            String alertId, String type, Domain domain, Severity severity, String districtId) {
        List<Capability> needed = rules.capabilitiesFor(type, domain, severity, districtId);
        if (needed.isEmpty()) {
            LOG.warn("No capability is configured for {}; alert {} goes to no unit", type, alertId);
            return List.of();
        }
        List<String> chosen = new ArrayList<>();
        for (Capability c : needed) {
            Optional<FieldUnit> first = candidates(c, districtId).findFirst();
            if (first.isEmpty()) {
                LOG.warn("No available {} unit exists; alert {} lacks one", c, alertId);
            } else if (!chosen.contains(first.get().id())) {
                if (!covers(first.get(), districtId)) {
                    LOG.warn(
                            "No available {} unit covers district {}; alert {} falls back to {}",
                            c,
                            districtId,
                            alertId,
                            first.get().id());
                }
                chosen.add(first.get().id());
            }
        }
        return chosen;
    }

    /**
     * The next unit to call when an alert escalates: the best candidate of its primary capability
     * that is not assigned yet, if any is left.
     */
    public Optional<String> nextUnit(
            String type,
            Domain domain,
            Severity severity,
            String districtId,
            List<String> assigned) {
        List<Capability> needed = rules.capabilitiesFor(type, domain, severity, districtId);
        return needed.stream()
                .flatMap(c -> candidates(c, districtId))
                .map(FieldUnit::id)
                .filter(id -> !assigned.contains(id))
                .findFirst();
    }

    public boolean knows(String unitId) {
        return city.fieldUnit(unitId).isPresent();
    }

    /** Available capable units: those covering the district nearest first, then the others. */
    private Stream<FieldUnit> candidates(Capability c, String districtId) {
        Comparator<FieldUnit> nearest = nearestFirst(districtId);
        return city.fieldUnits().stream()
                .filter(u -> u.capabilities().contains(c) && !unavailable.contains(u.id()))
                .sorted(
                        Comparator.<FieldUnit, Boolean>comparing(u -> !covers(u, districtId))
                                .thenComparing(nearest));
    }

    private static boolean covers(FieldUnit u, String districtId) {
        return districtId != null && u.covers(districtId);
    }

    /**
     * By distance from the unit's base to the district centre, then by id so the order is stable.
     */
    private Comparator<FieldUnit> nearestFirst(String districtId) {
        Optional<GeoPoint> centre =
                Optional.ofNullable(districtId).flatMap(city::district).map(District::centre);
        Comparator<FieldUnit> byId = Comparator.comparing(FieldUnit::id);
        return centre.map(
                        c ->
                                Comparator.<FieldUnit>comparingDouble(u -> distanceKm(u, c))
                                        .thenComparing(byId))
                .orElse(byId);
    }

    // A unit without a known base is still a candidate, just the least preferred one.
    private static double distanceKm(FieldUnit unit, GeoPoint centre) {
        return unit.base() == null ? Double.MAX_VALUE : unit.base().distanceKm(centre);
    }
}
