package io.cityops.jobs.detection.traffic;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.RoadSegment;
import io.cityops.model.city.SensorKind;
import java.util.HashMap;
import org.apache.flink.api.common.functions.FilterFunction;

/**
 * Lets through only readings of traffic detectors that are the upstream or downstream detector of
 * the road segment they report on (their subject).
 */
public final class TrafficDetectorFilter implements FilterFunction<SensorReading> {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, RoadSegment> segments = new HashMap<>();

    public TrafficDetectorFilter(CityModel city) {
        city.roadSegments().forEach(s -> segments.put(s.id(), s));
    }

    @Override
    public boolean filter(SensorReading r) {
        if (r.sensor() == null || r.sensor().kind() != SensorKind.TRAFFIC_DETECTOR) {
            return false;
        }
        RoadSegment s = segments.get(r.subjectId());
        return s != null
                && (r.sensorId().equals(s.upstreamSensorId())
                        || r.sensorId().equals(s.downstreamSensorId()));
    }
}
