package io.cityops.simulator.incidents;

import io.cityops.model.city.CityModel;
import io.cityops.model.city.RoadSegment;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import io.cityops.model.city.ZoneKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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

    private List<String> subjects(SensorKind kind, String subjectId) {
        return sensorsBySubject.getOrDefault(kind, Map.of()).getOrDefault(subjectId, List.of());
    }
}
