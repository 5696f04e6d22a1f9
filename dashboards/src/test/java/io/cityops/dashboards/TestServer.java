package io.cityops.dashboards;

import io.cityops.dashboards.alerts.AlertStore;
import io.cityops.dashboards.feed.FeedRouter;
import io.cityops.dashboards.history.HistoryService;
import io.cityops.dashboards.kpis.KpiStore;
import io.cityops.dashboards.live.AggregateStore;
import io.cityops.dashboards.sensors.SensorActivity;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.config.Settings;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** A dashboard server on a free port with injected stores, a fake lifecycle and fixed tokens. */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN = "admin-token-0123456789";
    public static final String OPERATOR = "operator-token-0123456789";
    public static final String ANALYST = "analyst-token-0123456789";
    public static final String MUONGTE = "muongte-token-0123456789";
    public static final String POLICE = "police-token-0123456789";

    public final CityModel city = CityModelLoader.sample();
    public final AlertStore alerts = new AlertStore();
    public final KpiStore kpis = new KpiStore();
    public final AggregateStore aggregates = new AggregateStore();
    public final SensorActivity activity = new SensorActivity();

    /** The production decoder in front of the stores: feed it the bytes Kafka would carry. */
    public final FeedRouter feed = new FeedRouter(alerts, kpis, aggregates, activity);

    public final FakeLifecycle lifecycle = new FakeLifecycle(alerts);
    public final DashboardServer server;

    public TestServer(Optional<HistoryService> history, Clock clock) throws Exception {
        DashboardConfig config =
                DashboardConfig.from(
                                Settings.of(
                                        Map.of(
                                                "dashboards.tokens",
                                                ADMIN
                                                        + "=admin,"
                                                        + OPERATOR
                                                        + "=operator@duty-desk,"
                                                        + ANALYST
                                                        + "=analyst,"
                                                        + MUONGTE
                                                        + "=field-unit:ranger-muongte,"
                                                        + POLICE
                                                        + "=field-unit:police-city",
                                                "dashboards.history.max-points",
                                                "1000")))
                        .withPort(0);
        server =
                new DashboardServer(
                                config,
                                city,
                                new DashboardSources(
                                        alerts,
                                        kpis,
                                        aggregates,
                                        activity,
                                        lifecycle,
                                        history,
                                        clock))
                        .start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Override
    public void close() {
        server.close();
    }
}
