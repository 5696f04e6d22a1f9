package io.cityops.simulator.mqtt;

import io.cityops.model.city.Sensor;
import java.util.Optional;

/**
 * The password a device logs in with (user name = its sensor id), for brokers that give every
 * device its own; empty for a broker that lets devices in without one.
 */
@FunctionalInterface
public interface DevicePasswords {
    Optional<String> passwordFor(Sensor sensor);

    /** Every device with the same password, or none. */
    static DevicePasswords shared(Optional<String> password) {
        return sensor -> password;
    }
}
