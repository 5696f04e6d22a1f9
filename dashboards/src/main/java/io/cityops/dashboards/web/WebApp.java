package io.cityops.dashboards.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cityops.dashboards.DashboardConfig;
import io.cityops.dashboards.DashboardSources;
import io.cityops.dashboards.alerts.AlertCommands;
import io.cityops.dashboards.auth.TokenRegistry;
import io.cityops.dashboards.history.HistoryRequestParser;
import io.cityops.dashboards.live.LivePanels;
import io.cityops.dashboards.sensors.SensorDirectory;
import io.cityops.model.city.CityModel;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;

/** Builds the Javalin app from the domain services: the only place routes are wired. */
public final class WebApp {
    private WebApp() {}

    public static Javalin create(
            DashboardConfig config,
            CityModel city,
            DashboardSources s,
            TokenRegistry tokens,
            ObjectMapper json)
            throws IOException {
        Auth auth = new Auth(tokens);
        AlertRoutes alerts =
                new AlertRoutes(
                        s.alerts(),
                        new AlertCommands(s.alerts(), s.commands(), city, s.clock()),
                        json);
        CityRoutes cityRoutes =
                new CityRoutes(
                        city,
                        new SensorDirectory(city, s.activity(), s.alerts(), s.clock()),
                        s.kpis(),
                        config.districtShapes());
        HistoryRoutes history =
                new HistoryRoutes(
                        s.history(),
                        new HistoryRequestParser(s.clock(), config.historyMaxPoints()));
        LiveRoutes panels =
                new LiveRoutes(new LivePanels(city, s.aggregates(), s.alerts()), s.aggregates());
        LiveEvents live = new LiveEvents(s.alerts(), s.kpis(), s.aggregates(), json);
        Javalin app =
                Javalin.create(
                        c -> {
                            c.showJavalinBanner = false;
                            c.jsonMapper(new JavalinJackson(json, false));
                            c.staticFiles.add("/public", Location.CLASSPATH);
                            c.http.defaultContentType = "application/json";
                        });
        app.before("/api/*", auth::authenticate);
        ApiErrors.register(app);
        alerts.register(app);
        cityRoutes.register(app);
        history.register(app);
        panels.register(app);
        live.register(app);
        return app;
    }
}
