package io.cityops.jobs.detection.water;

import io.cityops.jobs.detection.DetectorOutputs;
import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Aggregate;
import io.cityops.model.Signal;
import io.cityops.model.city.CityModel;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * The water domain's entry point into the detection job: river-level alarms ({@code water.level})
 * per gauge. It writes no aggregates of its own: a gauge's level history is in the generic
 * per-sensor aggregates.
 */
public final class RiverLevelDetectors {
    /** Never written: the empty aggregate stream of {@link DetectorOutputs}, at no cost. */
    private static final OutputTag<Aggregate> NO_AGGREGATES =
            new OutputTag<>("no-river-aggregates", TypeInformation.of(Aggregate.class));

    private RiverLevelDetectors() {}

    public static DetectorOutputs attach(
            DataStream<SensorReading> readings, CityModel city, RiverLevelParams params) {
        SingleOutputStreamOperator<Signal> levels =
                readings.filter(new RiverGaugeFilter(city))
                        .name("river gauges only")
                        .uid("river-gauges-only")
                        .keyBy(SensorReading::sensorId, Types.STRING)
                        .process(
                                new RiverLevelFunction(city, params),
                                TypeInformation.of(Signal.class))
                        .name("river level alarms")
                        .uid("river-level-alarms");
        return new DetectorOutputs(levels, levels.getSideOutput(NO_AGGREGATES));
    }
}
