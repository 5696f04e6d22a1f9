package io.cityops.jobs.history;

import io.cityops.model.Aggregate;
import io.cityops.model.Alert;
import io.cityops.model.Reading;
import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Flink sink (Sink V2) writing history to InfluxDB 1.x: batched, retried with backoff, flushed on
 * every checkpoint (at-least-once), and idempotent by construction because each element maps to
 * points with a deterministic identity. Retention policies are created when a writer starts.
 */
public final class InfluxSink<T> implements Sink<T> {
    private final InfluxSinkConfig config;
    private final HistoryPoints.Mapper<T> mapper;

    public InfluxSink(InfluxSinkConfig config, HistoryPoints.Mapper<T> mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    /** Raw readings into {@code raw.reading}, tagged with the sensor's district. */
    public static InfluxSink<Reading> readings(
            InfluxSinkConfig config, HistoryPoints.DistrictLookup districtOf) {
        return new InfluxSink<>(config, HistoryPoints.readings(districtOf));
    }

    /** Every alert version into {@code events.alert_event}. */
    public static InfluxSink<Alert> alerts(InfluxSinkConfig config) {
        return new InfluxSink<>(config, HistoryPoints.alerts());
    }

    /** Windowed aggregates into {@code agg_*.agg_<kind>} ({@link HistorySchema}). */
    public static InfluxSink<Aggregate> aggregates(InfluxSinkConfig config) {
        return new InfluxSink<>(config, HistoryPoints.aggregates());
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        return openWriter();
    }

    /**
     * A writer as Flink's would be, usable outside a job (tools, and the dashboards' tests, which
     * write through the sink and read through the API). Prepares the schema first.
     */
    public SinkWriter<T> openWriter() throws IOException {
        InfluxPointWriter target = new InfluxPointWriter(config);
        try {
            target.ensureSchema();
        } catch (RuntimeException e) {
            target.close();
            throw new IOException("cannot prepare InfluxDB at " + config.url(), e);
        }
        return new InfluxSinkWriter<>(mapper, target, config);
    }
}
