package io.cityops.jobs.history;

import java.util.List;

/** Writes one batch of points in one request; InfluxDB in production, a fake in unit tests. */
public interface PointWriter extends AutoCloseable {
    void write(List<HistoryPoint> batch) throws Exception;

    @Override
    default void close() {}
}
