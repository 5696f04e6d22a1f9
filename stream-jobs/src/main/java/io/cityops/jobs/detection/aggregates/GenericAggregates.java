package io.cityops.jobs.detection.aggregates;

import io.cityops.jobs.detection.ReadingsBySensor;
import io.cityops.jobs.detection.SensorReading;
import io.cityops.jobs.detection.SharedKeyBy;
import io.cityops.model.Aggregate;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * The domain-independent history of every reading: per sensor and per district and domain,
 * event-time tumbling windows of 1 minute and 1 hour with {@code <metric>_mean}, {@code _min},
 * {@code _max} and {@code count}, aggregated incrementally. Readings behind the watermark never get
 * here (the enrichment step sends them to {@code readings.late}).
 */
public final class GenericAggregates {
    /** Aggregate kind of one sensor's metrics. */
    public static final String SENSOR = "sensor";

    /** Aggregate kind of one district's metrics of one domain. */
    public static final String DISTRICT = "district";

    private GenericAggregates() {}

    /** The four window aggregations of {@code readings}, as one stream. */
    public static DataStream<Aggregate> attach(DataStream<SensorReading> readings) {
        return attach(ReadingsBySensor.keyBy(readings));
    }

    /**
     * The four window aggregations of {@code readings}, as one stream; the per-sensor windows take
     * them keyed by sensor id as they come (no shuffle when already partitioned by sensor).
     */
    public static DataStream<Aggregate> attach(ReadingsBySensor readings) {
        KeyedStream<SensorReading, String> byDistrict = byDistrict(readings.stream());
        return windowed(readings.keyed(), SENSOR, "1m", Duration.ofMinutes(1))
                .union(
                        windowed(readings.keyed(), SENSOR, "1h", Duration.ofHours(1)),
                        windowed(byDistrict, DISTRICT, "1m", Duration.ofMinutes(1)),
                        windowed(byDistrict, DISTRICT, "1h", Duration.ofHours(1)));
    }

    /**
     * Whether a reading can be filed under a district. The registry refuses sensors without one,
     * this keeps the district windows safe from any that slip through (no "null" district).
     */
    static boolean hasDistrict(SensorReading r) {
        return r.districtId() != null;
    }

    /**
     * Readings with a district, keyed by district and domain through one shuffle for both district
     * windows.
     */
    private static KeyedStream<SensorReading, String> byDistrict(
            DataStream<SensorReading> readings) {
        return SharedKeyBy.keyBy(
                readings.filter(GenericAggregates::hasDistrict)
                        .name("readings with a district")
                        .uid("readings-with-a-district"),
                r -> r.districtId() + "|" + r.sensor().domain(),
                "readings by district",
                "readings-by-district");
    }

    private static DataStream<Aggregate> windowed(
            KeyedStream<SensorReading, String> input, String kind, String window, Duration length) {
        return input.window(TumblingEventTimeWindows.of(length))
                .aggregate(
                        new MetricStatsAggregator(),
                        new AggregateWindowFunction(kind, window),
                        TypeInformation.of(MetricStats.class),
                        TypeInformation.of(MetricStats.class),
                        TypeInformation.of(Aggregate.class))
                .name(kind + " aggregates " + window)
                .uid(kind + "-aggregates-" + window);
    }
}
