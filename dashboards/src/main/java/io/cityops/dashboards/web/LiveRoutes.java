package io.cityops.dashboards.web;

import io.cityops.dashboards.BadParameter;
import io.cityops.dashboards.auth.AccessPolicy;
import io.cityops.dashboards.history.AggregateKind;
import io.cityops.dashboards.live.AggregateStore;
import io.cityops.dashboards.live.LivePanels;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The live panels' state: {@code /api/live/aqi}, {@code /api/live/traffic}, {@code
 * /api/live/outages} and the generic {@code /api/aggregates/latest}. Office roles only.
 */
final class LiveRoutes {
    private static final Set<String> LATEST_PARAMS = Set.of("kind", "window", "subject");
    private static final Pattern WINDOW = Pattern.compile("\\d{1,6}[smhd]");
    private static final Pattern SUBJECT = Pattern.compile("[\\p{L}\\p{N}._:-]{1,128}");

    private final LivePanels panels;
    private final AggregateStore aggregates;

    LiveRoutes(LivePanels panels, AggregateStore aggregates) {
        this.panels = panels;
        this.aggregates = aggregates;
    }

    void register(Javalin app) {
        app.get("/api/live/aqi", ctx -> live(ctx).json(panels.aqi()));
        app.get("/api/live/traffic", ctx -> live(ctx).json(panels.traffic()));
        app.get("/api/live/outages", ctx -> live(ctx).json(panels.outages()));
        app.get("/api/aggregates/latest", this::latest);
    }

    private static Context live(Context ctx) {
        Auth.require(ctx, AccessPolicy.liveReaders());
        if (!ctx.queryParamMap().isEmpty()) {
            throw new BadParameter(
                    "unknown parameter '"
                            + ctx.queryParamMap().keySet().iterator().next()
                            + "'; this endpoint takes none");
        }
        return ctx;
    }

    private void latest(Context ctx) {
        Auth.require(ctx, AccessPolicy.liveReaders());
        for (String key : ctx.queryParamMap().keySet()) {
            if (!LATEST_PARAMS.contains(key)) {
                throw new BadParameter(
                        "unknown parameter '" + key + "'; use kind, window and subject");
            }
        }
        String kindName = ctx.queryParam("kind");
        if (kindName == null || kindName.isBlank()) {
            throw new BadParameter("kind is required, one of " + AggregateKind.names());
        }
        AggregateKind kind =
                AggregateKind.byName(kindName)
                        .orElseThrow(
                                () ->
                                        new BadParameter(
                                                "unknown kind '"
                                                        + kindName
                                                        + "'; use one of "
                                                        + AggregateKind.names()));
        String window = ctx.queryParam("window");
        if (window == null) {
            window = kind.defaultWindow();
        } else if (!WINDOW.matcher(window).matches()) {
            throw new BadParameter("window '" + window + "' must look like 1m, 1h or 1d");
        }
        String subject = ctx.queryParam("subject");
        if (subject == null) {
            ctx.json(aggregates.latest(kind.kind(), window));
            return;
        }
        if (!SUBJECT.matcher(subject).matches()) {
            throw new BadParameter("subject must be 1-128 letters, digits or . _ : -");
        }
        ctx.json(aggregates.latest(kind.kind(), subject, window).map(List::of).orElse(List.of()));
    }
}
