package io.cityops.jobs.history;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers points and writes them in batches, retrying a failed batch with exponential backoff. When
 * retries run out it throws, so Flink fails the task and replays from the last checkpoint; points
 * are idempotent, so the replay cannot duplicate them. Not thread-safe: one per subtask.
 */
public final class BatchingWriter {
    private static final Logger LOG = LoggerFactory.getLogger(BatchingWriter.class);

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Backoff {
        void pause(Duration d) throws InterruptedException;
    }

    private final PointWriter target;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Backoff backoff;
    private final List<HistoryPoint> buffer = new ArrayList<>();

    public BatchingWriter(
            PointWriter target,
            int batchSize,
            int maxAttempts,
            Duration firstBackoff,
            Duration maxBackoff,
            Backoff backoff) {
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("batchSize and maxAttempts must be at least 1");
        }
        this.target = target;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.backoff = backoff;
    }

    public void add(List<HistoryPoint> points) throws IOException, InterruptedException {
        buffer.addAll(points);
        while (buffer.size() >= batchSize) {
            writeFirst(batchSize);
        }
    }

    public int buffered() {
        return buffer.size();
    }

    /** Writes everything buffered, in batches of at most {@code batchSize}. */
    public void flush() throws IOException, InterruptedException {
        while (!buffer.isEmpty()) {
            writeFirst(Math.min(batchSize, buffer.size()));
        }
    }

    private void writeFirst(int n) throws IOException, InterruptedException {
        List<HistoryPoint> batch = new ArrayList<>(buffer.subList(0, n));
        writeWithRetry(batch);
        buffer.subList(0, n).clear();
    }

    private void writeWithRetry(List<HistoryPoint> batch) throws IOException, InterruptedException {
        Duration wait = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                target.write(batch);
                if (attempt > 1) {
                    LOG.info(
                            "history batch of {} points written on attempt {}",
                            batch.size(),
                            attempt);
                }
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (attempt >= maxAttempts) {
                    throw new IOException(
                            "history batch of "
                                    + batch.size()
                                    + " points failed after "
                                    + attempt
                                    + " attempts",
                            e);
                }
                LOG.warn(
                        "history batch of {} points failed (attempt {} of {}), retrying in {}: {}",
                        batch.size(),
                        attempt,
                        maxAttempts,
                        wait,
                        e.getMessage());
                backoff.pause(wait);
                wait =
                        wait.multipliedBy(2).compareTo(maxBackoff) > 0
                                ? maxBackoff
                                : wait.multipliedBy(2);
            }
        }
    }
}
