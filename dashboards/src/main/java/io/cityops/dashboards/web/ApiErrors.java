package io.cityops.dashboards.web;

import io.cityops.dashboards.BadParameter;
import io.cityops.dashboards.history.HistoryService;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps failures to JSON error bodies: {@code {"status":400,"error":"...","message":"..."}}. */
final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    static void register(Javalin app) {
        app.exception(
                BadParameter.class, (e, ctx) -> send(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        app.exception(Denied.class, (e, ctx) -> send(ctx, e.status, e.getMessage()));
        app.exception(
                HistoryService.HistoryUnavailable.class,
                (e, ctx) -> {
                    LOG.warn("history query failed: {}", e.getMessage());
                    send(ctx, HttpStatus.BAD_GATEWAY, "InfluxDB: " + e.getMessage());
                });
        app.exception(
                Exception.class,
                (e, ctx) -> {
                    LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                    send(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
                });
    }

    static void send(Context ctx, HttpStatus status, String message) {
        ctx.status(status)
                .json(
                        Map.of(
                                "status",
                                status.getCode(),
                                "error",
                                status.getMessage(),
                                "message",
                                message));
    }

    /** A refusal with its status: 401, 403, 404, 503. */
    static final class Denied extends RuntimeException {
        final HttpStatus status;

        Denied(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }
}
