package io.cityops.jobs.detection.environment;

import io.cityops.jobs.detection.DetectorOutputs;
import io.cityops.jobs.detection.ReadingsBySensor;
import io.cityops.jobs.detection.SensorReading;
import io.cityops.jobs.detection.air.AirQualityTopology;
import io.cityops.jobs.detection.rain.RainTopology;
import io.cityops.model.city.CityModel;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The environment domain's entry point into the detection job: the air-quality detector ({@code
 * air.aqi} per district, {@code air.station}/{@code air.district} aggregates) and the rain detector
 * ({@code rain.accumulation} per gauge, {@code rain.station} aggregates). River levels are wired
 * separately ({@code detection.water}).
 */
public final class EnvironmentDetectors {
    private EnvironmentDetectors() {}

    /**
     * Adds both detectors to the readings; each takes its own sensor kinds. The city model is not
     * needed: AQ stations and rain gauges carry their district in the registry's sensor metadata.
     */
    public static DetectorOutputs attach(
            DataStream<SensorReading> readings, CityModel city, EnvironmentParams params) {
        return attach(ReadingsBySensor.keyBy(readings), city, params);
    }

    /**
     * As {@link #attach(DataStream, CityModel, EnvironmentParams)}, with the readings' partitioning
     * by sensor id kept: both detectors key by sensor first and then need no shuffle when the
     * readings are already partitioned by sensor.
     */
    public static DetectorOutputs attach(
            ReadingsBySensor readings, CityModel city, EnvironmentParams params) {
        DetectorOutputs air = AirQualityTopology.attach(readings, params.air());
        DetectorOutputs rain = RainTopology.attach(readings, params.rain());
        return new DetectorOutputs(
                air.signals().union(rain.signals()), air.aggregates().union(rain.aggregates()));
    }
}
