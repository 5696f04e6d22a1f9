package io.cityops.dashboards.sensors;

import io.cityops.model.Domain;
import io.cityops.model.city.SensorKind;

/** One sensor as the API and the map show it: where it is, what it is, how it is doing. */
public record SensorView(
        String id,
        SensorKind kind,
        Domain domain,
        String districtId,
        String subjectId,
        double lat,
        double lon,
        int heartbeatSec,
        Long lastSeen,
        SensorHealth health) {}
