package io.cityops.simulator.incidents;

import io.cityops.model.city.CityModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when incidents start and end: the first {@code firstAfter} the start, then one every
 * {@code every}, kinds in a seeded rotation (a river flood first), places chosen so that no sensor
 * takes part in two incidents at once. Driven by the caller's clock through {@link #advance}; not
 * thread-safe.
 */
public final class IncidentScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentScheduler.class);

    private final IncidentPicker picker;
    private final IncidentRotation rotation;
    private final SplittableRandom random;
    private final Duration every;
    private final List<ActiveIncident> active = new ArrayList<>();
    private final Map<String, ActiveIncident> bySensor = new HashMap<>();
    private Instant nextStart;

    public IncidentScheduler(
            CityModel city, long seed, Duration firstAfter, Duration every, Instant start) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("incidents need a positive interval, not " + every);
        }
        this.picker = new IncidentPicker(city);
        this.random = new SplittableRandom(seed ^ 0x1AC1DE47L);
        this.rotation = new IncidentRotation(random.split());
        this.every = every;
        this.nextStart = start.plus(firstAfter);
    }

    /** Ends the incidents that are over and starts those that are due, in that order. */
    public List<IncidentEvent> advance(Instant now) {
        List<IncidentEvent> events = new ArrayList<>();
        for (ActiveIncident a : List.copyOf(active)) {
            if (!now.isBefore(a.endsAt())) {
                active.remove(a);
                a.incident().sensorIds().forEach(bySensor::remove);
                events.add(new IncidentEvent(a, IncidentEvent.Type.ENDED));
            }
        }
        if (now.isAfter(nextStart.plus(every))) {
            nextStart = now; // after a stall (a suspended laptop), resume rather than replay every
            // missed slot
        }
        while (!now.isBefore(nextStart)) {
            IncidentKind kind = rotation.next();
            Optional<Incident> picked = picker.pick(kind, random, bySensor::containsKey);
            if (picked.isPresent()) {
                ActiveIncident a = new ActiveIncident(picked.get(), nextStart);
                active.add(a);
                a.incident().sensorIds().forEach(id -> bySensor.put(id, a));
                events.add(new IncidentEvent(a, IncidentEvent.Type.STARTED));
            } else {
                LOG.debug("No free place for a simulated {} at {}; skipped", kind, nextStart);
            }
            nextStart = nextStart.plus(every);
        }
        return events;
    }

    /** The incident a sensor currently takes part in. */
    public Optional<ActiveIncident> affecting(String sensorId) {
        return Optional.ofNullable(bySensor.get(sensorId));
    }

    public Collection<ActiveIncident> active() {
        return List.copyOf(active);
    }
}
