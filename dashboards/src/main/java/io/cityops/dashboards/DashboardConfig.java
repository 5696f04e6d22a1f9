package io.cityops.dashboards;

import io.cityops.model.config.Settings;
import java.time.Duration;
import java.util.Optional;

/**
 * Configuration of the dashboard server, read from {@link Settings}.
 *
 * @param tokens the {@code dashboards.tokens} spec ({@code token=role[:unit][@name],...}); empty
 *     means generate one per role and field unit at start-up and log them once
 * @param influxUrl empty means history is not configured and its endpoints answer 503
 * @param historyMaxPoints most buckets or raw points a history query may return
 * @param districtShapes GeoJSON of the districts (classpath resource or file); empty means the city
 *     model's convention {@code cityops/provinces/<ascii name>/geo/<ascii name>-districts.geojson}
 * @param aggregatesReplay how far back the live panels re-read the {@code aggregates} topic at
 *     start-up, so they show the latest hourly and daily summaries without replaying 30 days
 */
public record DashboardConfig(
        String bindAddress,
        int port,
        Optional<String> tokens,
        Optional<String> influxUrl,
        String influxDatabase,
        Optional<String> influxUsername,
        Optional<String> influxPassword,
        int historyMaxPoints,
        Optional<String> districtShapes,
        Duration aggregatesReplay) {

    public static final String PORT = "dashboards.port";
    public static final String BIND_ADDRESS = "dashboards.bind-address";
    public static final String TOKENS = "dashboards.tokens";
    public static final String HISTORY_MAX_POINTS = "dashboards.history.max-points";
    public static final String DISTRICT_SHAPES = "dashboards.district-shapes";
    public static final String AGGREGATES_REPLAY = "dashboards.aggregates.replay";
    public static final String INFLUX_URL = "influx.url";
    public static final String INFLUX_DATABASE = "influx.database";
    public static final String INFLUX_USERNAME = "influx.username";
    public static final String INFLUX_PASSWORD = "influx.password";

    public static DashboardConfig from(Settings s) {
        return new DashboardConfig(
                s.get(BIND_ADDRESS, "127.0.0.1"),
                s.getInt(PORT, 18080),
                s.find(TOKENS),
                s.find(INFLUX_URL),
                s.get(INFLUX_DATABASE, "cityops"),
                s.find(INFLUX_USERNAME),
                s.find(INFLUX_PASSWORD),
                s.getInt(HISTORY_MAX_POINTS, 10_000),
                s.find(DISTRICT_SHAPES),
                s.getDuration(AGGREGATES_REPLAY, Duration.ofHours(26)));
    }

    /** A copy listening on another port (0 picks a free one); for tests and the all-in-one. */
    public DashboardConfig withPort(int newPort) {
        return new DashboardConfig(
                bindAddress,
                newPort,
                tokens,
                influxUrl,
                influxDatabase,
                influxUsername,
                influxPassword,
                historyMaxPoints,
                districtShapes,
                aggregatesReplay);
    }
}
