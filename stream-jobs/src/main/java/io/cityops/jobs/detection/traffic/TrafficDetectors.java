package io.cityops.jobs.detection.traffic;

import io.cityops.jobs.detection.DetectorOutputs;
import io.cityops.jobs.detection.ReadingsBySensor;
import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Signal;
import io.cityops.model.city.CityModel;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * The traffic detectors of the detection job (DOMAIN.md, "Traffic"): each detector's readings are
 * summed per event-time minute, then per road segment the minutes of its upstream and downstream
 * detectors feed the congestion classifier (sliding window), the California incident algorithm and
 * the {@code traffic.segment} aggregate. Readings that arrive behind the watermark are dropped by
 * the minute window and counted in its {@code numLateRecordsDropped} metric.
 */
public final class TrafficDetectors {
    private TrafficDetectors() {}

    public static DetectorOutputs attach(
            DataStream<SensorReading> readings, CityModel city, TrafficParams params) {
        return attach(ReadingsBySensor.keyBy(readings), city, params);
    }

    /**
     * As {@link #attach(DataStream, CityModel, TrafficParams)}, with the readings' partitioning by
     * sensor id kept: the per-detector minute window takes them without a shuffle when they are
     * already partitioned by sensor.
     */
    public static DetectorOutputs attach(
            ReadingsBySensor readings, CityModel city, TrafficParams params) {
        SingleOutputStreamOperator<DetectorMinute> minutes =
                readings.filter(
                                new TrafficDetectorFilter(city),
                                "traffic detectors only",
                                "traffic-detectors-only")
                        .keyed()
                        .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                        .aggregate(
                                new MinuteSumsAggregate(),
                                new DetectorMinuteWindow(),
                                TypeInformation.of(MinuteSums.class),
                                TypeInformation.of(MinuteSums.class),
                                TypeInformation.of(DetectorMinute.class))
                        .name("traffic detector minutes")
                        .uid("traffic-detector-minutes");
        SingleOutputStreamOperator<Signal> signals =
                minutes.keyBy(DetectorMinute::segmentId, Types.STRING)
                        .process(
                                new SegmentTrafficFunction(city, params),
                                TypeInformation.of(Signal.class))
                        .name("traffic segment detectors")
                        .uid("traffic-segment-detectors");
        return new DetectorOutputs(
                signals, signals.getSideOutput(SegmentTrafficFunction.AGGREGATES));
    }
}
