package io.cityops.bench.stage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink that only counts, into a JVM-wide counter by name: the jobs run on a MiniCluster in the
 * benchmark's own JVM, so the harness reads the count directly.
 */
public final class CountingSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private final String name;

    public CountingSink(String name) {
        this.name = name;
        COUNTS.put(name, new LongAdder());
    }

    public static long count(String name) {
        LongAdder a = COUNTS.get(name);
        return a == null ? 0 : a.sum();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        LongAdder counter = COUNTS.computeIfAbsent(name, n -> new LongAdder());
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                counter.increment();
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
