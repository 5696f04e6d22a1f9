package io.cityops.simulator.incidents;

import io.cityops.model.city.CityModel;
import io.cityops.model.city.District;
import io.cityops.model.city.RiverStation;
import io.cityops.model.city.RoadSegment;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import io.cityops.model.city.ZoneKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Chooses where the next incident of a kind happens and how big it is: a place in the city model
 * none of whose sensors is already busy with another incident, drawn from a seeded random stream.
 * Candidates are kept sorted by id, so the same seed picks the same places on every run.
 */
public final class IncidentPicker {
    /**
     * Kinds a silent-sensor incident may pick: not customer meters, whose silence is an outage's,
     * nor transformer meters, which the outage detector reads alongside them.
     */
    private static final Set<SensorKind> SILENCEABLE =
            EnumSet.of(
                    SensorKind.TRAFFIC_DETECTOR,
                    SensorKind.FOREST_STATION,
                    SensorKind.AIR_QUALITY_STATION,
                    SensorKind.RAIN_GAUGE,
                    SensorKind.RIVER_GAUGE);

    private final CityModel city;
    private final Map<SensorKind, Map<String, List<String>>> sensorsBySubject = new TreeMap<>();

    public IncidentPicker(CityModel city) {
        this.city = city;
        for (Sensor s : city.sensors()) {
            sensorsBySubject
                    .computeIfAbsent(s.kind(), k -> new TreeMap<>())
                    .computeIfAbsent(s.subjectId(), k -> new ArrayList<>())
                    .add(s.id());
        }
        sensorsBySubject.values().forEach(m -> m.values().forEach(Collections::sort));
    }

    /** An incident of {@code kind}, or empty when every candidate place is busy or none exists. */
    public Optional<Incident> pick(
            IncidentKind kind, SplittableRandom random, Predicate<String> busy) {
        List<Incident> candidates = new ArrayList<>();
        // Each candidate draws its own parameters first, so the draws do not depend on which are
        // busy.
        switch (kind) {
            case RIVER_FLOOD ->
                    city.riverStations().stream()
                            .sorted(Comparator.comparing(r -> r.id()))
                            .forEach(
                                    r ->
                                            subjects(SensorKind.RIVER_GAUGE, r.id()).stream()
                                                    .findFirst()
                                                    .ifPresent(
                                                            gauge ->
                                                                    candidates.add(
                                                                            new RiverFlood(
                                                                                    r,
                                                                                    gauge,
                                                                                    random.nextInt(
                                                                                                            3)
                                                                                                    == 0
                                                                                            ? 3
                                                                                            : 2))));
            case FOREST_FIRE ->
                    city.zones().stream()
                            .filter(z -> z.kind() == ZoneKind.FOREST)
                            .sorted(Comparator.comparing(z -> z.id()))
                            .forEach(
                                    z -> {
                                        List<String> stations =
                                                new ArrayList<>(
                                                        subjects(
                                                                SensorKind.FOREST_STATION, z.id()));
                                        Collections.shuffle(
                                                stations, new Random(random.nextLong()));
                                        if (stations.size() >= 2) {
                                            candidates.add(
                                                    new ForestFire(
                                                            z, stations.get(0), stations.get(1)));
                                        }
                                    });
            case TRAFFIC_BLOCKAGE -> segmentsWithNeighbours(random, candidates);
            case POWER_OUTAGE ->
                    city.transformers().stream()
                            .sorted(Comparator.comparing(t -> t.id()))
                            .forEach(
                                    t -> {
                                        List<String> meters =
                                                new ArrayList<>(
                                                        subjects(
                                                                SensorKind.TRANSFORMER_METER,
                                                                t.id()));
                                        meters.addAll(subjects(SensorKind.CUSTOMER_METER, t.id()));
                                        Collections.sort(meters);
                                        List<String> gasping = new ArrayList<>(meters);
                                        Collections.shuffle(gasping, new Random(random.nextLong()));
                                        int gasps =
                                                (int)
                                                        Math.ceil(
                                                                meters.size()
                                                                        * (0.8
                                                                                + 0.2
                                                                                        * random
                                                                                                .nextDouble()));
                                        Duration out =
                                                Duration.ofSeconds(180 + random.nextInt(121));
                                        if (!meters.isEmpty()) {
                                            candidates.add(
                                                    new PowerOutage(
                                                            t,
                                                            new TreeSet<>(meters),
                                                            new TreeSet<>(
                                                                    gasping.subList(0, gasps)),
                                                            out));
                                        }
                                    });
            case AIR_QUALITY_EPISODE ->
                    city.districts().stream()
                            .sorted(Comparator.comparing(d -> d.id()))
                            .forEach(
                                    d -> {
                                        double peak = 100 + 40 * random.nextDouble();
                                        List<String> stations =
                                                subjects(SensorKind.AIR_QUALITY_STATION, d.id());
                                        if (!stations.isEmpty()) {
                                            candidates.add(
                                                    new AirQualityEpisode(
                                                            d, new HashSet<>(stations), peak));
                                        }
                                    });

            case RAIN_BURST -> rainBursts(random, candidates);
            case VOLTAGE_SAG -> voltageSags(random, candidates);
            case STUCK_SENSOR ->
                    sensorsOf(SensorKind.FOREST_STATION)
                            .forEach(s -> candidates.add(new StuckSensor(s)));
            case SILENT_SENSOR ->
                    city.sensors().stream()
                            .filter(s -> SILENCEABLE.contains(s.kind()))
                            .sorted(Comparator.comparing(Sensor::id))
                            .forEach(s -> candidates.add(new SilentSensor(s)));
            case FLAME_DETECTION ->
                    city.zones().stream()
                            .filter(z -> z.kind() == ZoneKind.FOREST)
                            .sorted(Comparator.comparing(z -> z.id()))
                            .forEach(
                                    z ->
                                            subjects(SensorKind.FOREST_STATION, z.id())
                                                    .forEach(
                                                            id ->
                                                                    candidates.add(
                                                                            new FlameDetection(
                                                                                    z, id))));
            case METER_TAMPER ->
                    city.transformers().stream()
                            .sorted(Comparator.comparing(t -> t.id()))
                            .forEach(
                                    t ->
                                            subjects(SensorKind.CUSTOMER_METER, t.id())
                                                    .forEach(
                                                            id ->
                                                                    candidates.add(
                                                                            new MeterTamper(
                                                                                    t, id))));
        }
        List<Incident> free =
                candidates.stream().filter(i -> i.sensorIds().stream().noneMatch(busy)).toList();
        return free.isEmpty()
                ? Optional.empty()
                : Optional.of(free.get(random.nextInt(free.size())));
    }

    private void segmentsWithNeighbours(SplittableRandom random, List<Incident> candidates) {
        Map<String, List<RoadSegment>> byDistrict = new TreeMap<>();
        city.roadSegments()
                .forEach(
                        s ->
                                byDistrict
                                        .computeIfAbsent(s.districtId(), k -> new ArrayList<>())
                                        .add(s));
        for (List<RoadSegment> segments : byDistrict.values()) {
            segments.sort(Comparator.comparing(RoadSegment::id));
            for (RoadSegment s : segments) {
                List<RoadSegment> others = segments.stream().filter(o -> o != s).toList();
                if (!others.isEmpty()) {
                    candidates.add(
                            new TrafficBlockage(s, others.get(random.nextInt(others.size()))));
                }
            }
        }
    }

    private void rainBursts(SplittableRandom random, List<Incident> candidates) {
        for (Sensor gauge : sensorsOf(SensorKind.RAIN_GAUGE)) {
            // Over the 50 mm/1 h threshold, under the 100 mm/3 h one (DOMAIN.md, rain).
            double totalMm = 60 + 20 * random.nextDouble();
            Optional<District> district =
                    city.districts().stream()
                            .filter(d -> d.id().equals(gauge.subjectId()))
                            .findFirst();
            Optional<RiverStation> river =
                    city.riverStations().stream()
                            .filter(r -> r.districtId().equals(gauge.subjectId()))
                            .filter(r -> !subjects(SensorKind.RIVER_GAUGE, r.id()).isEmpty())
                            .min(Comparator.comparing(RiverStation::id));
            district.ifPresent(
                    d ->
                            candidates.add(
                                    new RainBurst(
                                            d,
                                            gauge.id(),
                                            totalMm,
                                            river.orElse(null),
                                            river.map(
                                                            r ->
                                                                    subjects(
                                                                                    SensorKind
                                                                                            .RIVER_GAUGE,
                                                                                    r.id())
                                                                            .get(0))
                                                    .orElse(null))));
        }
    }

    private void voltageSags(SplittableRandom random, List<Incident> candidates) {
        city.transformers().stream()
                .sorted(Comparator.comparing(t -> t.id()))
                .forEach(
                        t -> {
                            List<String> customers =
                                    new ArrayList<>(subjects(SensorKind.CUSTOMER_METER, t.id()));
                            Collections.shuffle(customers, new Random(random.nextLong()));
                            // Fewer than half, so each meter is signalled rather than the
                            // transformer.
                            int sagging = Math.min((customers.size() - 1) / 2, 3);
                            if (sagging >= 1) {
                                candidates.add(
                                        new VoltageSag(
                                                t,
                                                new TreeSet<>(customers.subList(0, sagging)),
                                                customers.size()));
                            }
                        });
    }

    private List<Sensor> sensorsOf(SensorKind kind) {
        return city.sensors().stream()
                .filter(s -> s.kind() == kind)
                .sorted(Comparator.comparing(Sensor::id))
                .toList();
    }

    private List<String> subjects(SensorKind kind, String subjectId) {
        return sensorsBySubject.getOrDefault(kind, Map.of()).getOrDefault(subjectId, List.of());
    }
}
