package io.cityops.jobs.detection.water;

import io.cityops.model.city.CityModel;
import io.cityops.model.city.RiverStation;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import java.util.HashMap;
import java.util.Map;

/** Which sensors gauge which river station, as the city model says. */
public final class RiverGauges {
    private RiverGauges() {}

    /** Sensor id to its station, for every river gauge whose subject is a known river station. */
    public static Map<String, RiverStation> stationsBySensor(CityModel city) {
        Map<String, RiverStation> bySensor = new HashMap<>();
        for (Sensor sensor : city.sensors()) {
            if (sensor.kind() == SensorKind.RIVER_GAUGE) {
                city.riverStation(sensor.subjectId()).ifPresent(s -> bySensor.put(sensor.id(), s));
            }
        }
        return bySensor;
    }
}
