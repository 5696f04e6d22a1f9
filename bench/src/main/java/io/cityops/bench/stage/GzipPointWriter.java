package io.cityops.bench.stage;

import io.cityops.jobs.history.HistoryPoint;
import io.cityops.jobs.history.PointWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;

/**
 * A scratch copy of stream-jobs' {@code InfluxPointWriter#write} with one change, the request body
 * gzip-compressed ({@code InfluxDB#enableGzip}), to measure what that change would give before
 * proposing it to the sink's owner. Same batching per retention policy, same point mapping.
 */
final class GzipPointWriter implements PointWriter {
    private final InfluxDB influx;
    private final String database;

    GzipPointWriter(String url, String database, boolean gzip) {
        this.influx = InfluxDBFactory.connect(url);
        if (gzip) {
            influx.enableGzip();
        }
        this.database = database;
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
