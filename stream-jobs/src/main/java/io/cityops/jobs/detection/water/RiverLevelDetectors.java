package io.cityops.jobs.detection.water;

import io.cityops.jobs.detection.DetectorOutputs;
import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Aggregate;
import io.cityops.model.Signal;
import io.cityops.model.city.CityModel;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * The water domain's entry point into the detection job: river-level alarms ({@code water.level})
 * and fast-rise signals ({@code water.rise}) per river station, keyed by station so that a station
 * with two gauges has one state and one alert. It writes no aggregates of its own: a gauge's level
 * history is in the generic per-sensor aggregates.
 */
public final class RiverLevelDetectors {
    /** Never written: the empty aggregate stream of {@link DetectorOutputs}, at no cost. */
    private static final OutputTag<Aggregate> NO_AGGREGATES =
            new OutputTag<>("no-river-aggregates", TypeInformation.of(Aggregate.class));

    /**
     * The river detector's key: the station a gauge watches (its registry subject), so all gauges
     * of one station share one state and one alert.
     */
    public static final KeySelector<SensorReading, String> BY_STATION = SensorReading::subjectId;

    private RiverLevelDetectors() {}

    public static DetectorOutputs attach(
            DataStream<SensorReading> readings, CityModel city, RiverLevelParams params) {
        SingleOutputStreamOperator<Signal> levels =
                readings.filter(new RiverGaugeFilter(city))
                        .name("river gauges only")
                        .uid("river-gauges-only")
                        .keyBy(BY_STATION, Types.STRING)
                        .process(
                                new RiverLevelFunction(city, params),
                                TypeInformation.of(Signal.class))
                        .name("river station alarms")
                        // Renamed with the key (sensor id → station id): state keyed by gauge
                        // must not be restored under this operator.
                        .uid("river-station-alarms");
        return new DetectorOutputs(levels, levels.getSideOutput(NO_AGGREGATES));
    }
}
