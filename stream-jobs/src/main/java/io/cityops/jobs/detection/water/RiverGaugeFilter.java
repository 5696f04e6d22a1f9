package io.cityops.jobs.detection.water;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Metric;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.RiverStation;
import io.cityops.model.city.SensorKind;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.common.functions.FilterFunction;

/**
 * Lets through only water-level readings of river gauges whose registry subject is a river station
 * of the city model (the station holds the alarm levels).
 */
public final class RiverGaugeFilter implements FilterFunction<SensorReading> {
    private static final long serialVersionUID = 1L;

    private final HashSet<String> stations = new HashSet<>();

    public RiverGaugeFilter(CityModel city) {
        city.riverStations().stream().map(RiverStation::id).forEach(stations::add);
    }

    public RiverGaugeFilter(Set<String> stationIds) {
        stations.addAll(stationIds);
    }

    @Override
    public boolean filter(SensorReading r) {
        return r.sensor().kind() == SensorKind.RIVER_GAUGE
                && stations.contains(r.subjectId())
                && Double.isFinite(r.reading().value(Metric.WATER_LEVEL_CM));
    }
}
