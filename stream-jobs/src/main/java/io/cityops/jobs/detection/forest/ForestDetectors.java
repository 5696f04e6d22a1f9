package io.cityops.jobs.detection.forest;

import io.cityops.jobs.detection.DetectorOutputs;
import io.cityops.jobs.detection.SensorReading;
import io.cityops.jobs.detection.SharedKeyBy;
import io.cityops.model.Aggregate;
import io.cityops.model.Signal;
import io.cityops.model.city.CityModel;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The forest domain's detectors (DOMAIN.md, "Forest"), keyed by forest zone: fire detection from
 * smoke, heat and flame ({@code forest.fire}) and the daily Nesterov fire danger ({@code
 * forest.fire-danger} signals, {@code forest.zone} daily aggregates).
 */
public final class ForestDetectors {
    private ForestDetectors() {}

    public static DetectorOutputs attach(
            DataStream<SensorReading> readings, CityModel city, ForestParams params) {
        // Two detectors keyed by zone: one shuffle for both.
        KeyedStream<SensorReading, String> byZone =
                SharedKeyBy.keyBy(
                        readings.filter(new ForestZones.StationsOnly())
                                .name("forest stations only")
                                .uid("forest-stations-only"),
                        SensorReading::subjectId,
                        "forest stations by zone",
                        "forest-stations-by-zone");
        SingleOutputStreamOperator<Signal> fires =
                byZone.process(new ZoneFireFunction(city, params), TypeInformation.of(Signal.class))
                        .name("forest fire detection")
                        .uid("forest-fire-detection");
        SingleOutputStreamOperator<Aggregate> danger =
                byZone.process(
                                new FireDangerFunction(city, params),
                                TypeInformation.of(Aggregate.class))
                        .name("forest fire danger (Nesterov)")
                        .uid("forest-fire-danger");
        DataStream<Signal> signals = fires.union(danger.getSideOutput(FireDangerFunction.SIGNALS));
        return new DetectorOutputs(signals, danger);
    }
}
