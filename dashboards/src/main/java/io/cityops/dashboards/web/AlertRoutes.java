package io.cityops.dashboards.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cityops.dashboards.BadParameter;
import io.cityops.dashboards.alerts.AlertCommandType;
import io.cityops.dashboards.alerts.AlertCommands;
import io.cityops.dashboards.alerts.AlertFilter;
import io.cityops.dashboards.alerts.AlertStore;
import io.cityops.dashboards.auth.AccessPolicy;
import io.cityops.dashboards.auth.Principal;
import io.cityops.model.Alert;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** {@code /api/alerts}: list, detail with history, and the four commands. */
final class AlertRoutes {
    private final AlertStore store;
    private final AlertCommands commands;
    private final ObjectMapper json;

    AlertRoutes(AlertStore store, AlertCommands commands, ObjectMapper json) {
        this.store = store;
        this.commands = commands;
        this.json = json;
    }

    void register(Javalin app) {
        app.get("/api/alerts", this::list);
        app.get("/api/alerts/{id}", this::detail);
        app.post("/api/alerts/{id}/acknowledge", ctx -> command(ctx, AlertCommandType.ACKNOWLEDGE));
        app.post("/api/alerts/{id}/assign", ctx -> command(ctx, AlertCommandType.ASSIGN));
        app.post("/api/alerts/{id}/resolve", ctx -> command(ctx, AlertCommandType.RESOLVE));
        app.post("/api/alerts/{id}/comment", ctx -> command(ctx, AlertCommandType.COMMENT));
    }

    private void list(Context ctx) {
        Principal who = Auth.require(ctx, AccessPolicy.readers());
        ctx.json(store.find(AlertFilter.parse(who, ctx.queryParamMap())));
    }

    private void detail(Context ctx) {
        Principal who = Auth.require(ctx, AccessPolicy.readers());
        String id = ctx.pathParam("id");
        ctx.json(Map.of("alert", visible(who, id), "history", store.history(id)));
    }

    private void command(Context ctx, AlertCommandType type) throws Exception {
        Principal who = Auth.require(ctx, AccessPolicy.commanders(type));
        String id = ctx.pathParam("id");
        visible(who, id);
        JsonNode body = body(ctx);
        var issued =
                commands.issue(who, id, type, text(body, "comment"), text(body, "unitId"))
                        .orElseThrow(() -> notFound(id));
        ctx.status(HttpStatus.ACCEPTED).json(issued);
    }

    /** 404 for an unknown alert, 403 for another unit's alert. */
    private Alert visible(Principal who, String id) {
        Alert alert = store.latest(id).orElseThrow(() -> notFound(id));
        if (!AccessPolicy.canSee(who, alert)) {
            throw new ApiErrors.Denied(
                    HttpStatus.FORBIDDEN, "alert " + id + " is not assigned to your unit");
        }
        return alert;
    }

    private JsonNode body(Context ctx) {
        String raw = ctx.body();
        if (raw.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(raw);
            if (!node.isObject()) {
                throw new BadParameter("body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new BadParameter("body is not valid JSON");
        }
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new BadParameter(field + " must be a string");
        }
        return Optional.of(v.asText());
    }

    private static ApiErrors.Denied notFound(String id) {
        return new ApiErrors.Denied(HttpStatus.NOT_FOUND, "no alert " + id);
    }
}
