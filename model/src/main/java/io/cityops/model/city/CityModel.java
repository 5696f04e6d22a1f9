package io.cityops.model.city;

import io.cityops.model.kpi.KpiTarget;
import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The province as the platform knows it: districts, zones, road segments, river stations,
 * transformers, sensors and field units, with lookups by id. Immutable; a changed model is a new
 * instance.
 */
public final class CityModel implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Province province;
    private final Map<String, District> districts;
    private final Map<String, Zone> zones;
    private final Map<String, RoadSegment> roadSegments;
    private final Map<String, RiverStation> riverStations;
    private final Map<String, Transformer> transformers;
    private final Map<String, Sensor> sensors;
    private final Map<String, FieldUnit> fieldUnits;
    private final List<KpiTarget> targets;

    /** A model without KPI targets. */
    public CityModel(
            Province province,
            List<District> districts,
            List<Zone> zones,
            List<RoadSegment> roadSegments,
            List<RiverStation> riverStations,
            List<Transformer> transformers,
            List<Sensor> sensors,
            List<FieldUnit> fieldUnits) {
        this(
                province,
                districts,
                zones,
                roadSegments,
                riverStations,
                transformers,
                sensors,
                fieldUnits,
                List.of());
    }

    /**
     * @param targets the KPI targets the province has set itself (e.g. by a People's Council
     *     resolution)
     */
    public CityModel(
            Province province,
            List<District> districts,
            List<Zone> zones,
            List<RoadSegment> roadSegments,
            List<RiverStation> riverStations,
            List<Transformer> transformers,
            List<Sensor> sensors,
            List<FieldUnit> fieldUnits,
            List<KpiTarget> targets) {
        this.province = province;
        this.districts = index(districts, District::id, "district");
        this.zones = index(zones, Zone::id, "zone");
        this.roadSegments = index(roadSegments, RoadSegment::id, "road segment");
        this.riverStations = index(riverStations, RiverStation::id, "river station");
        this.transformers = index(transformers, Transformer::id, "transformer");
        this.sensors = index(sensors, Sensor::id, "sensor");
        this.fieldUnits = index(fieldUnits, FieldUnit::id, "field unit");
        this.targets = List.copyOf(targets);
        CityModelChecks.check(this);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id, String what) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            if (map.put(id.apply(item), item) != null) {
                throw new IllegalArgumentException("duplicate " + what + " id " + id.apply(item));
            }
        }
        return Map.copyOf(map);
    }

    public Province province() {
        return province;
    }

    public Collection<District> districts() {
        return districts.values();
    }

    public Collection<Zone> zones() {
        return zones.values();
    }

    public Collection<RoadSegment> roadSegments() {
        return roadSegments.values();
    }

    public Collection<RiverStation> riverStations() {
        return riverStations.values();
    }

    public Collection<Transformer> transformers() {
        return transformers.values();
    }

    public Collection<Sensor> sensors() {
        return sensors.values();
    }

    public Collection<FieldUnit> fieldUnits() {
        return fieldUnits.values();
    }

    /** The KPI targets of the province, in file order. */
    public List<KpiTarget> targets() {
        return targets;
    }

    public Optional<District> district(String id) {
        return Optional.ofNullable(districts.get(id));
    }

    public Optional<Zone> zone(String id) {
        return Optional.ofNullable(zones.get(id));
    }

    public Optional<RoadSegment> roadSegment(String id) {
        return Optional.ofNullable(roadSegments.get(id));
    }

    public Optional<RiverStation> riverStation(String id) {
        return Optional.ofNullable(riverStations.get(id));
    }

    public Optional<Transformer> transformer(String id) {
        return Optional.ofNullable(transformers.get(id));
    }

    public Optional<Sensor> sensor(String id) {
        return Optional.ofNullable(sensors.get(id));
    }

    public Optional<FieldUnit> fieldUnit(String id) {
        return Optional.ofNullable(fieldUnits.get(id));
    }
}
