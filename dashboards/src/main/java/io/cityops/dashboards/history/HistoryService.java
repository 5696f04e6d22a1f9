package io.cityops.dashboards.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.dto.BoundParameterQuery;
import org.influxdb.dto.QueryResult;

/** Runs history queries against InfluxDB 1.x with bound parameters only. */
public final class HistoryService {
    private final InfluxDB influx;
    private final String database;
    private final int rawLimit;

    public HistoryService(InfluxDB influx, String database, int rawLimit) {
        this.influx = influx;
        this.database = database;
        this.rawLimit = rawLimit;
    }

    public HistoryResult query(HistoryRequest r) {
        HistoryQuery hq = HistoryQuery.of(r, rawLimit);
        BoundParameterQuery.QueryBuilder b =
                BoundParameterQuery.QueryBuilder.newQuery(hq.text()).forDatabase(database);
        hq.params().forEach(b::bind);
        QueryResult result = influx.query(b.create(), TimeUnit.MILLISECONDS);
        if (result.hasError()) {
            throw new HistoryUnavailable(result.getError());
        }
        List<HistoryResult.Series> series = new ArrayList<>();
        for (QueryResult.Result res : result.getResults()) {
            if (res.hasError()) {
                if (res.getError().startsWith("database not found")) {
                    continue; // nothing written yet: an empty answer, not a failure
                }
                throw new HistoryUnavailable(res.getError());
            }
            if (res.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series s : res.getSeries()) {
                List<HistoryResult.Point> points = new ArrayList<>();
                for (List<Object> row : s.getValues()) {
                    if (row.get(1) instanceof Number v) {
                        points.add(
                                new HistoryResult.Point(
                                        ((Number) row.get(0)).longValue(), v.doubleValue()));
                    }
                }
                series.add(
                        new HistoryResult.Series(
                                s.getTags() == null ? Map.of() : s.getTags(), points));
            }
        }
        return new HistoryResult(
                r.measurement().measurement(),
                r.field(),
                r.aggregation().map(Aggregation::function).orElse(null),
                r.step().map(d -> d.toSeconds()).orElse(null),
                r.from().toEpochMilli(),
                r.to().toEpochMilli(),
                series);
    }

    /** InfluxDB answered with an error or not at all; the web layer maps it to 502. */
    public static final class HistoryUnavailable extends RuntimeException {
        public HistoryUnavailable(String message) {
            super(message);
        }
    }
}
