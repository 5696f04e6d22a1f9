package io.cityops.model.city;

import java.io.Serializable;
import java.util.Objects;

/**
 * One entry of the compacted {@code registry} Kafka topic (key = sensor id): a sensor as it is now
 * registered, or the marker that it was retired. Producing a registration with a known id moves the
 * sensor (new district, subject, location or heartbeat); producing a retirement takes it out of
 * service. The detection job keeps the newest entry per sensor id.
 *
 * @param sensorId the sensor the entry is about; equal to {@code sensor.id()} when registered
 * @param retired true when the sensor was taken out of service ({@code sensor} is then null)
 * @param sensor the sensor's metadata, null when retired
 */
public record SensorRegistration(String sensorId, boolean retired, Sensor sensor)
        implements Serializable {

    public SensorRegistration {
        Objects.requireNonNull(sensorId, "sensorId");
        if (!retired) {
            Objects.requireNonNull(sensor, "sensor of an active registration");
            if (!sensor.id().equals(sensorId)) {
                throw new IllegalArgumentException(
                        "registration of " + sensorId + " carries sensor " + sensor.id());
            }
        } else {
            sensor = null;
        }
    }

    /** The registration of a sensor in service. */
    public static SensorRegistration of(Sensor sensor) {
        return new SensorRegistration(sensor.id(), false, sensor);
    }

    /** The marker that {@code sensorId} was taken out of service. */
    public static SensorRegistration retirement(String sensorId) {
        return new SensorRegistration(sensorId, true, null);
    }
}
