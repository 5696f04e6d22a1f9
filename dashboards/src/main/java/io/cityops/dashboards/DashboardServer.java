package io.cityops.dashboards;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cityops.dashboards.auth.TokenRegistry;
import io.cityops.dashboards.auth.TokenSpec;
import io.cityops.dashboards.web.WebApp;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.FieldUnit;
import io.javalin.Javalin;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard web server: REST API, live events and the operator page on one port. Built from its
 * configuration, the city model and its {@link DashboardSources}.
 */
public final class DashboardServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

    private final DashboardConfig config;
    private final Javalin app;

    public DashboardServer(DashboardConfig config, CityModel city, DashboardSources sources)
            throws IOException {
        this.config = config;
        String spec =
                config.tokens()
                        .orElseGet(
                                () -> {
                                    String generated =
                                            TokenSpec.generate(
                                                    city.fieldUnits().stream()
                                                            .map(FieldUnit::id)
                                                            .sorted()
                                                            .toList());
                                    LOG.warn(
                                            "no {} configured; generated tokens for this run: {}",
                                            DashboardConfig.TOKENS,
                                            generated);
                                    return generated;
                                });
        TokenRegistry tokens = new TokenRegistry(TokenSpec.parse(spec));
        this.app = WebApp.create(config, city, sources, tokens, new ObjectMapper());
    }

    /** Starts listening on the configured address; port 0 picks a free one. */
    public DashboardServer start() {
        app.start(config.bindAddress(), config.port());
        LOG.info("dashboard listening on http://{}:{}/", config.bindAddress(), app.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
