package io.cityops.jobs.detection.air;

import io.cityops.jobs.detection.DetectorOutputs;
import io.cityops.jobs.detection.ReadingsBySensor;
import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Aggregate;
import io.cityops.model.Signal;
import io.cityops.model.city.SensorKind;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * The air-quality detector's operators: readings of AQ stations → hourly means per station (event-
 * time tumbling hour) → station AQI (NowCast state per station) → district AQI (highest station) →
 * {@code air.aqi} alarm per district; station and district AQIs also leave as {@code air.station}
 * and {@code air.district} aggregates ({@code 1h} and {@code 1d}). Readings later than the
 * watermark miss their hour and are dropped by the window (Flink's {@code numLateRecordsDropped}).
 */
public final class AirQualityTopology {
    private AirQualityTopology() {}

    public static DetectorOutputs attach(DataStream<SensorReading> readings, AirParams params) {
        return attach(ReadingsBySensor.keyBy(readings), params);
    }

    /**
     * As {@link #attach(DataStream, AirParams)}, with the readings' partitioning by sensor id kept
     * (no shuffle in front of the per-station hour window when already partitioned by sensor).
     */
    public static DetectorOutputs attach(ReadingsBySensor readings, AirParams params) {
        SingleOutputStreamOperator<StationHour> hours =
                readings.filter(
                                r ->
                                        r.sensor().kind() == SensorKind.AIR_QUALITY_STATION
                                                && r.districtId() != null,
                                "air-quality stations only",
                                "air-quality-stations-only")
                        .keyed()
                        .window(TumblingEventTimeWindows.of(Duration.ofHours(1)))
                        .aggregate(
                                new HourlyMeans(),
                                new StationHourWindow(),
                                TypeInformation.of(HourSums.class),
                                TypeInformation.of(HourSums.class),
                                TypeInformation.of(StationHour.class))
                        .name("air hourly means per station")
                        .uid("air-hourly-means");

        SingleOutputStreamOperator<AqiObservation> stations =
                hours.keyBy(StationHour::stationId, Types.STRING)
                        .process(
                                new StationAqiFunction(params),
                                TypeInformation.of(AqiObservation.class))
                        .name("air station AQI")
                        .uid("air-station-aqi");

        SingleOutputStreamOperator<AqiObservation> districts =
                stations.keyBy(AqiObservation::districtId, Types.STRING)
                        .process(
                                new DistrictAqiFunction(), TypeInformation.of(AqiObservation.class))
                        .name("air district AQI")
                        .uid("air-district-aqi");

        SingleOutputStreamOperator<Signal> signals =
                districts
                        .keyBy(AqiObservation::districtId, Types.STRING)
                        .process(new AqiAlarmFunction(params), TypeInformation.of(Signal.class))
                        .name("air AQI alarms")
                        .uid("air-aqi-alarms");

        DataStream<Aggregate> stationAggregates =
                stations.map(o -> o.toAggregate("air.station"), TypeInformation.of(Aggregate.class))
                        .name("air station aggregates")
                        .uid("air-station-aggregates");
        DataStream<Aggregate> districtAggregates =
                districts
                        .map(
                                o -> o.toAggregate("air.district"),
                                TypeInformation.of(Aggregate.class))
                        .name("air district aggregates")
                        .uid("air-district-aggregates");
        return new DetectorOutputs(signals, stationAggregates.union(districtAggregates));
    }
}
