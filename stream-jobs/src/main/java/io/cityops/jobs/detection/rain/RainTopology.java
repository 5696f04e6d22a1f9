package io.cityops.jobs.detection.rain;

import io.cityops.jobs.detection.DetectorOutputs;
import io.cityops.jobs.detection.ReadingsBySensor;
import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Signal;
import io.cityops.model.city.SensorKind;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The rain detector's operators: readings of rain gauges → rolling sums and the {@code
 * rain.accumulation} alarm per gauge, with hourly {@code rain.station} aggregates.
 */
public final class RainTopology {
    private RainTopology() {}

    public static DetectorOutputs attach(DataStream<SensorReading> readings, RainParams params) {
        return attach(ReadingsBySensor.keyBy(readings), params);
    }

    /**
     * As {@link #attach(DataStream, RainParams)}, with the readings' partitioning by sensor id kept
     * (no shuffle in front of the per-gauge state when already partitioned by sensor).
     */
    public static DetectorOutputs attach(ReadingsBySensor readings, RainParams params) {
        SingleOutputStreamOperator<Signal> signals =
                readings.filter(
                                r -> r.sensor().kind() == SensorKind.RAIN_GAUGE,
                                "rain gauges only",
                                "rain-gauges-only")
                        .keyed()
                        .process(
                                new RainAccumulationFunction(params),
                                TypeInformation.of(Signal.class))
                        .name("rain accumulation alarms")
                        .uid("rain-accumulation-alarms");
        return new DetectorOutputs(
                signals, signals.getSideOutput(RainAccumulationFunction.AGGREGATES));
    }
}
