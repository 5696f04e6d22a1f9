package io.cityops.jobs.detection.water;

import io.cityops.model.Metric;
import io.cityops.model.Reading;
import io.cityops.model.city.CityModel;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.common.functions.FilterFunction;

/** Lets through only water-level readings of the city's river gauges. */
public final class RiverGaugeFilter implements FilterFunction<Reading> {
    private static final long serialVersionUID = 1L;

    private final HashSet<String> gauges;

    public RiverGaugeFilter(CityModel city) {
        this(RiverGauges.stationsBySensor(city).keySet());
    }

    public RiverGaugeFilter(Set<String> gaugeSensorIds) {
        this.gauges = new HashSet<>(gaugeSensorIds);
    }

    @Override
    public boolean filter(Reading r) {
        return gauges.contains(r.sensorId())
                && r.has(Metric.WATER_LEVEL_CM)
                && Double.isFinite(r.value(Metric.WATER_LEVEL_CM));
    }
}
