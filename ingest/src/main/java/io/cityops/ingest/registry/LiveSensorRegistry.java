package io.cityops.ingest.registry;

import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorRegistration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry as it is now: starts as the city model's sensors and takes each registration or
 * retirement read from the compacted {@code registry} topic ({@link RegistryFollower}). Lookups are
 * lock-free map reads, safe from any thread (the MQTT callback, the broker's authenticator) while
 * the follower applies changes.
 */
public final class LiveSensorRegistry implements SensorDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSensorRegistry.class);

    private final Map<String, Sensor> active = new ConcurrentHashMap<>();
    private final Set<String> retired = ConcurrentHashMap.newKeySet();
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

    /** A registry holding {@code seed} (the city model's sensors) until entries are applied. */
    public LiveSensorRegistry(Collection<Sensor> seed) {
        seed.forEach(s -> active.put(s.id(), s));
    }

    /** What applying an entry did. */
    public enum Change {
        ADDED,
        MOVED,
        RETIRED,
        /** The registry already said so (e.g. the city model's own registration, re-read). */
        UNCHANGED
    }

    @Override
    public Optional<Sensor> sensor(String id) {
        return Optional.ofNullable(active.get(id));
    }

    @Override
    public boolean retired(String id) {
        return retired.contains(id) && !active.containsKey(id);
    }

    @Override
    public Collection<Sensor> sensors() {
        return List.copyOf(active.values());
    }

    @Override
    public AutoCloseable subscribe(ChangeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /**
     * Applies one registry entry: a registration adds the sensor or moves it (new metadata), a
     * retirement takes it out of service. Applied by one thread at a time (the follower's).
     */
    public synchronized Change apply(SensorRegistration entry) {
        String id = entry.sensorId();
        Sensor before = active.get(id);
        Change change;
        if (entry.retired()) {
            retired.add(id);
            if (before == null) {
                return Change.UNCHANGED;
            }
            active.remove(id);
            change = Change.RETIRED;
        } else {
            Sensor after = entry.sensor();
            retired.remove(id);
            if (after.equals(before)) {
                return Change.UNCHANGED;
            }
            active.put(id, after);
            change = before == null ? Change.ADDED : Change.MOVED;
        }
        Optional<Sensor> now = Optional.ofNullable(active.get(id));
        for (ChangeListener l : listeners) {
            try {
                l.changed(id, Optional.ofNullable(before), now);
            } catch (RuntimeException e) {
                LOG.warn("registry listener failed on a change of sensor {}: {}", id, e.toString());
            }
        }
        return change;
    }
}
