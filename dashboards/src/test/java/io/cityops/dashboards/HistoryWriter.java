package io.cityops.dashboards;

import io.cityops.jobs.history.InfluxSink;
import io.cityops.jobs.history.InfluxSinkConfig;
import java.util.List;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * Writes test data through the history job's own sink writer (schema set-up, point layout, batching
 * and flush exactly as in the job), so the API is tested against what production writes.
 */
public final class HistoryWriter {
    private HistoryWriter() {}

    /** Writes all elements with a fresh writer, as one run of the job would, and flushes. */
    public static <T> void write(InfluxSink<T> sink, List<T> elements) throws Exception {
        try (SinkWriter<T> writer = sink.openWriter()) {
            for (T e : elements) {
                writer.write(e, null);
            }
            writer.flush(true);
        }
    }

    public static InfluxSinkConfig config(String url) {
        return InfluxSinkConfig.local(url, "cityops");
    }
}
