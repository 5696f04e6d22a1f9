package io.cityops.jobs.detection;

import io.cityops.model.Reading;
import io.cityops.model.city.Sensor;

/**
 * A validated reading together with what the registry knows of its sensor at that moment (kind,
 * district, subject, heartbeat). Every detector takes these, so a sensor added, moved or retired on
 * the {@code registry} topic changes the detectors' view without a restart.
 */
public record SensorReading(Reading reading, Sensor sensor) {

    public String sensorId() {
        return reading.sensorId();
    }

    public long ts() {
        return reading.ts();
    }

    /** The incident subject the sensor reports on (segment, zone, station, transformer). */
    public String subjectId() {
        return sensor.subjectId();
    }

    public String districtId() {
        return sensor.districtId();
    }
}
