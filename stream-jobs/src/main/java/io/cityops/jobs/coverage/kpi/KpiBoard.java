package io.cityops.jobs.coverage.kpi;

import io.cityops.jobs.coverage.geo.ForestCoverage;
import io.cityops.model.Domain;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.District;
import io.cityops.model.city.RiverStation;
import io.cityops.model.city.RoadSegment;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import io.cityops.model.city.Transformer;
import io.cityops.model.city.Zone;
import io.cityops.model.kpi.Kpi;
import io.cityops.model.kpi.KpiKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every KPI of the province, computed from which sensors report now: forest monitored (via the
 * incremental {@link ForestCoverage}), road length surveilled (a segment counts when either of its
 * detectors reports), river stations and rain gauges reporting, meters reporting per transformer,
 * and districts with live feeds in every required domain. Pure and single-threaded.
 */
public final class KpiBoard {
    private final CityModel city;
    private final ForestCoverage forest;
    private final Set<Domain> requiredDomains;
    private final Set<String> reporting = new HashSet<>();

    public KpiBoard(CityModel city, ForestCoverage forest, Set<Domain> requiredDomains) {
        this.city = city;
        this.forest = forest;
        this.requiredDomains = Set.copyOf(requiredDomains);
    }

    /** Records a sensor starting or stopping; unknown sensors are ignored. */
    public void setReporting(String sensorId, boolean isReporting) {
        if (city.sensor(sensorId).isEmpty()) {
            return;
        }
        if (isReporting) {
            reporting.add(sensorId);
        } else {
            reporting.remove(sensorId);
        }
        forest.grid().setReporting(sensorId, isReporting);
    }

    public Set<String> reporting() {
        return Set.copyOf(reporting);
    }

    public String provinceName() {
        return city.province().name();
    }

    /** All KPIs with a non-empty denominator, stamped with {@code eventTime}. */
    public List<Kpi> snapshot(long eventTime) {
        KpiSink out = new KpiSink(city, eventTime);
        forest(out);
        roads(out);
        counted(out, KpiKind.RIVER_STATIONS_REPORTING, riverStations());
        counted(out, KpiKind.RAIN_GAUGES_REPORTING, sensorsOf(SensorKind.RAIN_GAUGE));
        meters(out);
        smartServices(out);
        return out.kpis();
    }

    private void forest(KpiSink out) {
        for (Zone z : forest.zones()) {
            out.zone(
                    KpiKind.FOREST_MONITORED, z, forest.monitoredHa(z.id()), forest.areaHa(z.id()));
        }
        out.rollUp(
                KpiKind.FOREST_MONITORED,
                forest.zones().stream()
                        .map(
                                z ->
                                        new Part(
                                                z.districtId(),
                                                forest.monitoredHa(z.id()),
                                                forest.areaHa(z.id())))
                        .toList());
    }

    private void roads(KpiSink out) {
        List<Part> parts = new ArrayList<>();
        for (RoadSegment s : city.roadSegments()) {
            boolean watched =
                    reporting.contains(s.upstreamSensorId())
                            || reporting.contains(s.downstreamSensorId());
            parts.add(new Part(s.districtId(), watched ? s.lengthKm() : 0, s.lengthKm()));
        }
        out.rollUp(KpiKind.ROAD_SURVEILLED, parts);
    }

    private List<Part> riverStations() {
        List<Part> parts = new ArrayList<>();
        for (RiverStation r : city.riverStations()) {
            boolean live =
                    anySensor(
                            s -> s.kind() == SensorKind.RIVER_GAUGE && s.subjectId().equals(r.id()),
                            true);
            parts.add(new Part(r.districtId(), live ? 1 : 0, 1));
        }
        return parts;
    }

    private List<Part> sensorsOf(SensorKind kind) {
        return city.sensors().stream()
                .filter(s -> s.kind() == kind)
                .map(s -> new Part(s.districtId(), reporting.contains(s.id()) ? 1 : 0, 1))
                .toList();
    }

    private static void counted(KpiSink out, KpiKind kind, List<Part> parts) {
        out.rollUp(kind, parts);
    }

    private void meters(KpiSink out) {
        List<Part> parts = new ArrayList<>();
        for (Transformer t : city.transformers()) {
            Predicate<Sensor> ofT = s -> s.domain() == Domain.POWER && s.subjectId().equals(t.id());
            long all = city.sensors().stream().filter(ofT).count();
            long live =
                    city.sensors().stream()
                            .filter(ofT.and(s -> reporting.contains(s.id())))
                            .count();
            if (all > 0) {
                out.transformer(t, live, all);
                parts.add(new Part(t.districtId(), live, all));
            }
        }
        out.rollUp(KpiKind.METERS_REPORTING, parts);
    }

    private void smartServices(KpiSink out) {
        int withServices = 0;
        for (District d : city.districts()) {
            long live =
                    requiredDomains.stream()
                            .filter(
                                    dom ->
                                            anySensor(
                                                    s ->
                                                            s.districtId().equals(d.id())
                                                                    && s.domain() == dom,
                                                    true))
                            .count();
            out.district(KpiKind.SMART_SERVICE_DISTRICTS, d, live, requiredDomains.size());
            withServices += live == requiredDomains.size() ? 1 : 0;
        }
        out.province(KpiKind.SMART_SERVICE_DISTRICTS, withServices, city.districts().size());
    }

    private boolean anySensor(Predicate<Sensor> which, boolean mustReport) {
        return city.sensors().stream()
                .anyMatch(s -> which.test(s) && (!mustReport || reporting.contains(s.id())));
    }

    /** One district's share of a KPI: live and total quantity. */
    record Part(String districtId, double live, double total) {}
}
