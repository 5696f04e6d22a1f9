package io.cityops.alerting.routing;

import io.cityops.model.Signal;
import io.cityops.model.city.Capability;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.District;
import io.cityops.model.city.FieldUnit;
import io.cityops.model.city.GeoPoint;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the field units that receive an alert: the units with the needed capability that cover
 * the signal's district, nearest base first. When no such unit covers the district, the nearest
 * capable unit anywhere in the province takes it, so an incident never goes to nobody while a
 * capable unit exists. A pure function of the city model and the signal (apart from logging).
 */
public final class UnitRouter implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(UnitRouter.class);

    private final CityModel city;
    private final CapabilityRules rules;

    public UnitRouter(CityModel city) {
        this(city, CapabilityRules.defaults());
    }

    public UnitRouter(CityModel city, CapabilityRules rules) {
        this.city = city;
        this.rules = rules;
    }

    /** Ids of the units that should receive the alert for this signal, in order of preference. */
    public List<String> unitsFor(Signal s) {
        Optional<Capability> capability = rules.capabilityFor(s.type(), s.domain());
        if (capability.isEmpty()) {
            LOG.warn(
                    "No capability is configured for {} ({}); alert {} goes to no unit",
                    s.type(),
                    s.domain(),
                    s.alertKey());
            return List.of();
        }
        Capability needed = capability.get();
        Comparator<FieldUnit> nearestFirst = nearestFirst(s.districtId());
        List<FieldUnit> capable =
                city.fieldUnits().stream().filter(u -> u.capabilities().contains(needed)).toList();
        List<String> covering =
                capable.stream()
                        .filter(u -> s.districtId() != null && u.covers(s.districtId()))
                        .sorted(nearestFirst)
                        .map(FieldUnit::id)
                        .toList();
        if (!covering.isEmpty()) {
            return covering;
        }
        Optional<FieldUnit> fallback = capable.stream().min(nearestFirst);
        if (fallback.isEmpty()) {
            LOG.warn(
                    "No {} unit exists in the city model; alert {} goes to no unit",
                    needed,
                    s.alertKey());
            return List.of();
        }
        LOG.warn(
                "No {} unit covers district {}; alert {} falls back to the nearest one, {}",
                needed,
                s.districtId() == null ? "(none given)" : s.districtId(),
                s.alertKey(),
                fallback.get().id());
        return List.of(fallback.get().id());
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
