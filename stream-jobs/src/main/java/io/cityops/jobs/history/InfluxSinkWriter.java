package io.cityops.jobs.history;

import java.io.IOException;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * The per-subtask writer of {@link InfluxSink}. Flink calls {@link #flush} before each checkpoint
 * barrier passes, so a completed checkpoint means every earlier point is in InfluxDB.
 */
final class InfluxSinkWriter<T> implements SinkWriter<T> {
    private final HistoryPoints.Mapper<T> mapper;
    private final PointWriter target;
    private final BatchingWriter batches;
    private final long maxDelayMs;
    private long oldestBufferedAt = -1;

    InfluxSinkWriter(HistoryPoints.Mapper<T> mapper, PointWriter target, InfluxSinkConfig config) {
        this.mapper = mapper;
        this.target = target;
        this.batches =
                new BatchingWriter(
                        target,
                        config.batchSize(),
                        config.maxAttempts(),
                        config.firstBackoff(),
                        config.maxBackoff(),
                        d -> Thread.sleep(d.toMillis()));
        this.maxDelayMs = config.maxDelay().toMillis();
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        long now = System.currentTimeMillis();
        if (batches.buffered() == 0) {
            oldestBufferedAt = now;
        }
        batches.add(mapper.toPoints(element));
        // Between checkpoints, a quiet stream should still reach InfluxDB within maxDelay.
        if (batches.buffered() > 0 && now - oldestBufferedAt >= maxDelayMs) {
            batches.flush();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        batches.flush();
    }

    @Override
    public void close() throws Exception {
        target.close();
    }
}
