package io.cityops.jobs.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes point batches to InfluxDB 1.x over HTTP, one request per retention policy. */
public final class InfluxPointWriter implements PointWriter {
    private static final Logger LOG = LoggerFactory.getLogger(InfluxPointWriter.class);

    private final InfluxDB influx;
    private final String database;

    public InfluxPointWriter(InfluxSinkConfig config) {
        this.influx =
                config.username() == null
                        ? InfluxDBFactory.connect(config.url())
                        : InfluxDBFactory.connect(
                                config.url(), config.username(), config.password());
        if (config.gzip()) {
            influx.enableGzip();
        }
        this.database = config.database();
    }

    /**
     * Creates the database and the retention policies of {@link HistorySchema}, or brings an
     * existing policy's duration in line. Safe to run at every start.
     */
    public void ensureSchema() {
        influx.query(new Query("CREATE DATABASE \"" + database + "\""));
        for (HistorySchema.RetentionPolicy rp : HistorySchema.RETENTION_POLICIES) {
            String spec =
                    " ON \""
                            + database
                            + "\" DURATION "
                            + rp.influxDuration()
                            + " REPLICATION 1"
                            + (rp.isDefault() ? " DEFAULT" : "");
            var created =
                    influx.query(new Query("CREATE RETENTION POLICY \"" + rp.name() + "\"" + spec));
            if (created.hasError() || created.getResults().stream().anyMatch(r -> r.hasError())) {
                influx.query(new Query("ALTER RETENTION POLICY \"" + rp.name() + "\"" + spec));
            }
        }
        LOG.info("history schema ready in InfluxDB database {}", database);
    }

    @Override
    public void write(List<HistoryPoint> batch) {
        Map<String, BatchPoints> byPolicy = new LinkedHashMap<>();
        for (HistoryPoint p : batch) {
            byPolicy.computeIfAbsent(
                            p.retentionPolicy(),
                            rp ->
                                    BatchPoints.database(database)
                                            .retentionPolicy(rp)
                                            .precision(TimeUnit.NANOSECONDS)
                                            .build())
                    .point(toPoint(p));
        }
        byPolicy.values().forEach(influx::write);
    }

    private static Point toPoint(HistoryPoint p) {
        Point.Builder b =
                Point.measurement(p.measurement())
                        .tag(p.tags())
                        .time(p.timeNs(), TimeUnit.NANOSECONDS);
        p.fields()
                .forEach(
                        (k, v) -> {
                            if (v instanceof Boolean bool) {
                                b.addField(k, bool);
                            } else if (v instanceof Number n) {
                                b.addField(k, n);
                            } else {
                                b.addField(k, String.valueOf(v));
                            }
                        });
        return b.build();
    }

    @Override
    public void close() {
        influx.close();
    }
}
