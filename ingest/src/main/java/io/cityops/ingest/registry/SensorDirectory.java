package io.cityops.ingest.registry;

import io.cityops.model.city.CityModel;
import io.cityops.model.city.Sensor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sensors in service, by id: what ingest checks a reading's sensor against and what the broker
 * derives device accounts from. Either fixed (the city model, {@link #of(CityModel)}) or live
 * ({@link LiveSensorRegistry}, following the {@code registry} topic).
 */
public interface SensorDirectory {

    /** The sensor in service with this id, if any. */
    Optional<Sensor> sensor(String id);

    /** Whether the registry retired this id (so it is not in service, and not merely unknown). */
    boolean retired(String id);

    /** Every sensor in service now. */
    Collection<Sensor> sensors();

    /**
     * Calls {@code listener} after every change of a sensor (added, moved, retired) from now on;
     * the returned handle stops the calls. A fixed directory never changes.
     */
    default AutoCloseable subscribe(ChangeListener listener) {
        return () -> {};
    }

    /** Told of each change, on the thread that applied it; must be quick and must not throw. */
    @FunctionalInterface
    interface ChangeListener {
        /**
         * @param before the sensor as it was, empty if it was not in service
         * @param after the sensor as it is now, empty if it was retired
         */
        void changed(String sensorId, Optional<Sensor> before, Optional<Sensor> after);
    }

    /** The city model's sensors, fixed. */
    static SensorDirectory of(CityModel city) {
        List<Sensor> sensors = List.copyOf(city.sensors());
        Map<String, Sensor> byId =
                sensors.stream().collect(Collectors.toMap(Sensor::id, Function.identity()));
        return new SensorDirectory() {
            @Override
            public Optional<Sensor> sensor(String id) {
                return Optional.ofNullable(byId.get(id));
            }

            @Override
            public boolean retired(String id) {
                return false;
            }

            @Override
            public Collection<Sensor> sensors() {
                return sensors;
            }
        };
    }
}
