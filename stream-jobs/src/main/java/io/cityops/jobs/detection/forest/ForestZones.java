package io.cityops.jobs.detection.forest;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.SensorKind;
import io.cityops.model.city.Zone;
import java.io.Serializable;
import java.util.HashMap;
import org.apache.flink.api.common.functions.FilterFunction;

/**
 * The forest zones' names and districts as the city model gives them, and the filter that lets
 * through only forest-station readings that name their zone. A zone the model does not know (added
 * on the registry since) is reported under its id and its stations' district.
 */
public final class ForestZones implements Serializable {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, String> names = new HashMap<>();
    private final HashMap<String, String> districts = new HashMap<>();

    public ForestZones(CityModel city) {
        for (Zone z : city.zones()) {
            names.put(z.id(), z.name());
            districts.put(z.id(), z.districtId());
        }
    }

    /** The zone's name, or its id when the city model does not know it. */
    public String name(String zoneId) {
        return names.getOrDefault(zoneId, zoneId);
    }

    /** The zone's district, or {@code fallback} (the reporting station's district). */
    public String district(String zoneId, String fallback) {
        return districts.getOrDefault(zoneId, fallback);
    }

    /** Only forest stations whose subject (zone) is set. */
    public static final class StationsOnly implements FilterFunction<SensorReading> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(SensorReading r) {
            return r.sensor() != null
                    && r.sensor().kind() == SensorKind.FOREST_STATION
                    && r.subjectId() != null
                    && !r.subjectId().isEmpty();
        }
    }
}
