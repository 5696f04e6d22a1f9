package io.cityops.simulator.mqtt;

import io.cityops.model.city.Sensor;

/**
 * Opens the links of a fleet's devices and owns what they share (threads); closing it frees those.
 */
public interface DeviceLinkFactory extends AutoCloseable {

    DeviceLink open(Sensor sensor, String topic);

    @Override
    void close();
}
