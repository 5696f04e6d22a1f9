package io.cityops.jobs.detection;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * One hash shuffle for several operators keyed the same way. Every operator that takes {@code
 * stream.keyBy(key)} gets its own serialized copy of each record over the network; here the stream
 * is shuffled once into a pass-through operator, whose output is then reinterpreted as keyed (see
 * {@link ReadingsBySensor} for why that is valid: the pass-through is keyed by the same key, emits
 * each record in the subtask that received it, and its consumers run at its parallelism and max
 * parallelism), so the operators chain to it and share one copy. Their keyed state and key groups
 * are those a {@code keyBy} of their own would give them; the pass-through has no state.
 */
public final class SharedKeyBy {
    private SharedKeyBy() {}

    /**
     * {@code stream} keyed by {@code key} through one shuffle, for any number of consumers.
     *
     * @param name the pass-through operator's name
     * @param uid the pass-through operator's uid
     */
    public static <T> KeyedStream<T, String> keyBy(
            DataStream<T> stream, KeySelector<T, String> key, String name, String uid) {
        SingleOutputStreamOperator<T> shuffled =
                stream.keyBy(key, Types.STRING)
                        .map(new PassThrough<>(), stream.getType())
                        .name(name)
                        .uid(uid);
        return DataStreamUtils.reinterpretAsKeyedStream(shuffled, key, Types.STRING);
    }

    /** Hands each record on unchanged. */
    private static final class PassThrough<T> implements MapFunction<T, T> {
        private static final long serialVersionUID = 1L;

        @Override
        public T map(T value) {
            return value;
        }
    }
}
