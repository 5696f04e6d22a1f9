package io.cityops.jobs.detection;

import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Enriched readings on their way to the stages keyed by sensor id (sensor health, the per-sensor
 * aggregates, the traffic, air-quality, rain and power-meter windows and state), which take them
 * with {@link #keyed()} after any {@link #filter} of their own.
 *
 * <p>In the detection job the readings come straight from the enrichment operator, which is itself
 * keyed by sensor id: {@link #partitionedBySensor} takes them as they are, and {@link #keyed()}
 * <em>reinterprets</em> them as keyed ({@link DataStreamUtils#reinterpretAsKeyedStream}) instead of
 * shuffling them again, so those stages chain to the enrichment and no reading is serialized on its
 * way to them. That is valid because (1) the key is the same string (a {@link SensorReading}'s
 * {@link SensorReading#sensorId()} is its reading's), (2) every operator in between runs at the
 * enrichment's parallelism and max parallelism (forward edges, which Flink refuses to build
 * otherwise; no explicit max parallelism anywhere in the job), so key group {@code g} lives in the
 * same subtask on both sides, and (3) the enrichment emits only readings of its own keys: from
 * {@code processElement} the current key's, and from the registry side (held readings released) and
 * its timers only readings taken from its own keyed state. A filter keeps all three, and its output
 * is reinterpreted again. {@code DetectionJobTopologyTest} checks the chaining, {@code
 * SensorPartitioningIT} (every sensor at parallelism 2, where a reading in the wrong subtask fails
 * the job) and the other ITs the outputs.
 *
 * <p>Any other stream of readings ({@link #keyBy}) is keyed by sensor id with a hash shuffle, after
 * the filters, exactly as the domains did before.
 */
public final class ReadingsBySensor {
    /** The key of every per-sensor stage. */
    public static final KeySelector<SensorReading, String> SENSOR_ID = SensorReading::sensorId;

    private final DataStream<SensorReading> readings;
    private final boolean partitioned;

    private ReadingsBySensor(DataStream<SensorReading> readings, boolean partitioned) {
        this.readings = readings;
        this.partitioned = partitioned;
    }

    /**
     * Readings that are already partitioned by sensor id the way a {@code keyBy(sensorId)} at their
     * parallelism would partition them: the output of an operator keyed by sensor id that emits
     * only its own keys' readings, through forward (chained) operators only.
     */
    public static ReadingsBySensor partitionedBySensor(DataStream<SensorReading> readings) {
        return new ReadingsBySensor(readings, true);
    }

    /** Readings in any partitioning: {@link #keyed()} shuffles them by sensor id. */
    public static ReadingsBySensor keyBy(DataStream<SensorReading> readings) {
        return new ReadingsBySensor(readings, false);
    }

    /** The readings as a plain stream, for stages keyed by something else (district, zone). */
    public DataStream<SensorReading> stream() {
        return readings;
    }

    /** The readings keyed by sensor id: reinterpreted when already partitioned, else shuffled. */
    public KeyedStream<SensorReading, String> keyed() {
        return partitioned
                ? DataStreamUtils.reinterpretAsKeyedStream(readings, SENSOR_ID, Types.STRING)
                : readings.keyBy(SENSOR_ID, Types.STRING);
    }

    /**
     * The readings {@code filter} lets through, in the same partitioning; the filter runs at the
     * readings' parallelism, so it chains and keeps each sensor's readings in order.
     */
    public ReadingsBySensor filter(FilterFunction<SensorReading> filter, String name, String uid) {
        SingleOutputStreamOperator<SensorReading> kept =
                readings.filter(filter).name(name).uid(uid);
        if (readings.getParallelism() > 0) {
            kept.setParallelism(readings.getParallelism());
        }
        return new ReadingsBySensor(kept, partitioned);
    }
}
