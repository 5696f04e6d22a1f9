package io.cityops.dashboards.web;

import io.cityops.dashboards.BadParameter;
import io.cityops.dashboards.auth.AccessPolicy;
import io.cityops.dashboards.history.HistoryCsv;
import io.cityops.dashboards.history.HistoryRequest;
import io.cityops.dashboards.history.HistoryRequestParser;
import io.cityops.dashboards.history.HistoryResult;
import io.cityops.dashboards.history.HistoryService;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * {@code GET /api/history} (readings, alert events, KPIs) and {@code GET /api/history/aggregates}
 * (windowed summaries by kind): parameterised queries over InfluxDB, as JSON or CSV.
 */
final class HistoryRoutes {
    private final Optional<HistoryService> service;
    private final HistoryRequestParser parser;

    HistoryRoutes(Optional<HistoryService> service, HistoryRequestParser parser) {
        this.service = service;
        this.parser = parser;
    }

    void register(Javalin app) {
        app.get("/api/history", ctx -> query(ctx, false));
        app.get("/api/history/aggregates", ctx -> query(ctx, true));
    }

    private void query(Context ctx, boolean aggregates) {
        Auth.require(ctx, AccessPolicy.historyReaders());
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw new BadParameter("format must be json or csv, not '" + format + "'");
        }
        HistoryRequest request =
                aggregates
                        ? parser.parseAggregates(ctx.queryParamMap())
                        : parser.parse(ctx.queryParamMap());
        HistoryService history =
                service.orElseThrow(
                        () ->
                                new ApiErrors.Denied(
                                        HttpStatus.SERVICE_UNAVAILABLE,
                                        "history is not configured (influx.url)"));
        HistoryResult result = history.query(request);
        if (format.equals("csv")) {
            ctx.contentType("text/csv; charset=utf-8")
                    .result(HistoryCsv.render(result, request.groupBy().orElse(null)));
        } else {
            ctx.json(result);
        }
    }
}
