package io.cityops.simulator;

import io.cityops.model.Reading;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.Sensor;
import io.cityops.simulator.device.SimulatedDevice;
import io.cityops.simulator.incidents.ActiveIncident;
import io.cityops.simulator.incidents.IncidentEvent;
import io.cityops.simulator.incidents.IncidentScheduler;
import io.cityops.simulator.values.ValueModel;
import io.cityops.simulator.values.ValueModels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The simulated province without the network: one {@link SimulatedDevice} per sensor of the city
 * model and the incident schedule, driven by whoever holds the clock. The MQTT simulator, the tests
 * and a load generator all drive the same fleet. Not thread-safe: drive it from one thread.
 */
public final class Fleet {
    private final Map<String, SimulatedDevice> devices = new TreeMap<>();
    private final IncidentScheduler incidents;

    public Fleet(
            CityModel city,
            long seed,
            Duration firstIncidentAfter,
            Duration incidentEvery,
            Instant start) {
        Map<String, ValueModel> models = ValueModels.forCity(city, seed);
        for (Sensor s : city.sensors()) {
            devices.put(s.id(), new SimulatedDevice(s, models.get(s.id())));
        }
        this.incidents =
                new IncidentScheduler(city, seed, firstIncidentAfter, incidentEvery, start);
    }

    /** The devices, sorted by sensor id. */
    public List<SimulatedDevice> devices() {
        return new ArrayList<>(devices.values());
    }

    /** What the device sends at {@code t}, or empty while it is silent (e.g. during an outage). */
    public Optional<Reading> next(String sensorId, Instant t) {
        return device(sensorId).next(t, incidents.affecting(sensorId));
    }

    /**
     * Starts and ends incidents due by {@code t}; call this before sampling devices at {@code t}.
     */
    public List<IncidentEvent> advanceIncidents(Instant t) {
        return incidents.advance(t);
    }

    /** The faster interval a device reports at while an incident has it in alarm mode. */
    public Optional<Duration> alarmInterval(String sensorId) {
        Sensor sensor = device(sensorId).sensor();
        return incidents.affecting(sensorId).flatMap(a -> a.incident().reportEvery(sensor));
    }

    public List<ActiveIncident> activeIncidents() {
        return List.copyOf(incidents.active());
    }

    private SimulatedDevice device(String sensorId) {
        SimulatedDevice d = devices.get(sensorId);
        if (d == null) {
            throw new NoSuchElementException("no simulated device " + sensorId);
        }
        return d;
    }
}
