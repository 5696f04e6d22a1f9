package io.cityops.model.city;

import io.cityops.model.kpi.KpiTarget;
import java.util.HashSet;
import java.util.Set;

/** Referential checks run when a city model is built, so a broken model fails at load time. */
final class CityModelChecks {
    private CityModelChecks() {}

    static void check(CityModel model) {
        for (Zone z : model.zones()) {
            requireDistrict(model, z.districtId(), "zone " + z.id());
            if (z.hasBoundary() && z.boundary().size() < 3) {
                throw new IllegalArgumentException(
                        "zone " + z.id() + ": a boundary needs at least 3 points");
            }
        }
        Set<String> targetKeys = new HashSet<>();
        for (KpiTarget t : model.targets()) {
            if (!targetKeys.add(t.kind() + "/" + t.scope() + "/" + t.year())) {
                throw new IllegalArgumentException(
                        "two targets for " + t.kind() + " at " + t.scope() + " in " + t.year());
            }
        }
        for (RoadSegment s : model.roadSegments()) {
            requireDistrict(model, s.districtId(), "road segment " + s.id());
            requireSensor(model, s.upstreamSensorId(), "road segment " + s.id());
            requireSensor(model, s.downstreamSensorId(), "road segment " + s.id());
        }
        for (RiverStation r : model.riverStations()) {
            requireDistrict(model, r.districtId(), "river station " + r.id());
        }
        for (Transformer t : model.transformers()) {
            requireDistrict(model, t.districtId(), "transformer " + t.id());
        }
        for (Sensor s : model.sensors()) {
            requireDistrict(model, s.districtId(), "sensor " + s.id());
            if (s.heartbeatSec() <= 0) {
                throw new IllegalArgumentException(
                        "sensor " + s.id() + ": heartbeatSec must be > 0");
            }
            boolean subjectKnown =
                    switch (s.kind()) {
                        case TRAFFIC_DETECTOR -> model.roadSegment(s.subjectId()).isPresent();
                        case FOREST_STATION -> model.zone(s.subjectId()).isPresent();
                        case RIVER_GAUGE -> model.riverStation(s.subjectId()).isPresent();
                        case CUSTOMER_METER, TRANSFORMER_METER ->
                                model.transformer(s.subjectId()).isPresent();
                        case AIR_QUALITY_STATION, RAIN_GAUGE ->
                                model.district(s.subjectId()).isPresent();
                    };
            if (!subjectKnown) {
                throw new IllegalArgumentException(
                        "sensor "
                                + s.id()
                                + " ("
                                + s.kind()
                                + ") watches unknown subject "
                                + s.subjectId());
            }
        }
        for (FieldUnit u : model.fieldUnits()) {
            u.districtIds().forEach(d -> requireDistrict(model, d, "field unit " + u.id()));
        }
    }

    private static void requireDistrict(CityModel model, String id, String who) {
        if (model.district(id).isEmpty()) {
            throw new IllegalArgumentException(who + " names unknown district " + id);
        }
    }

    private static void requireSensor(CityModel model, String id, String who) {
        if (model.sensor(id).isEmpty()) {
            throw new IllegalArgumentException(who + " names unknown sensor " + id);
        }
    }
}
