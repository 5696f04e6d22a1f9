package io.cityops.simulator.incidents;

import io.cityops.model.Reading;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.Sensor;
import io.cityops.simulator.device.SimulatedDevice;
import io.cityops.simulator.values.ValueModel;
import io.cityops.simulator.values.ValueModels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Test fixture: every device of the sample province driven through one incident at a fixed step.
 */
final class Incidents {
    static final CityModel CITY = CityModelLoader.sample();
    static final Instant START = Instant.parse("2025-11-23T01:00:00Z"); // 08:00 local

    private Incidents() {}

    static Incident pick(IncidentKind kind, long seed) {
        return new IncidentPicker(CITY)
                .pick(kind, new SplittableRandom(seed), id -> false)
                .orElseThrow();
    }

    /** One step of the run: every reading sent at {@code t}, {@code elapsed} into the incident. */
    record Step(Duration elapsed, Map<String, Reading> readings) {}

    /** Runs the devices matching {@code which} from the incident's start for {@code span}. */
    static List<Step> run(
            Incident incident, Predicate<Sensor> which, Duration step, Duration span) {
        Map<String, ValueModel> models = ValueModels.forCity(CITY, 1);
        List<SimulatedDevice> devices =
                CITY.sensors().stream()
                        .filter(which)
                        .sorted(Comparator.comparing(Sensor::id))
                        .map(s -> new SimulatedDevice(s, models.get(s.id())))
                        .toList();
        ActiveIncident active = new ActiveIncident(incident, START);
        List<Step> steps = new ArrayList<>();
        for (Duration e = Duration.ZERO; e.compareTo(span) <= 0; e = e.plus(step)) {
            Instant t = START.plus(e);
            Map<String, Reading> readings = new java.util.TreeMap<>();
            Optional<ActiveIncident> now =
                    e.compareTo(incident.duration()) < 0 ? Optional.of(active) : Optional.empty();
            for (SimulatedDevice d : devices) {
                Optional<ActiveIncident> mine =
                        now.filter(a -> incident.sensorIds().contains(d.sensor().id()));
                d.next(t, mine).ifPresent(r -> readings.put(r.sensorId(), r));
            }
            steps.add(new Step(e, readings));
        }
        return steps;
    }
}
