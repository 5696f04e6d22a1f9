package io.cityops.model.city;

import io.cityops.model.Domain;
import java.io.Serializable;

/**
 * A registered field device.
 *
 * @param subjectId what the sensor watches: a road segment, forest zone, river station, transformer
 *     or district, depending on its kind
 * @param heartbeatSec the interval at which the device reports when healthy
 */
public record Sensor(
        String id,
        SensorKind kind,
        String districtId,
        String subjectId,
        GeoPoint location,
        int heartbeatSec)
        implements Serializable {

    public Domain domain() {
        return kind.domain();
    }
}
