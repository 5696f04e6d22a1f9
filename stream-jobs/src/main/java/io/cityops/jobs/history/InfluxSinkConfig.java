package io.cityops.jobs.history;

import io.cityops.model.config.Settings;
import java.io.Serializable;
import java.time.Duration;

/**
 * Where and how the history sink writes. Keys: {@code influx.url} (required), {@code
 * influx.database} (cityops), {@code influx.username}/{@code influx.password} (optional), {@code
 * history.batch-size} (1000), {@code history.max-attempts} (5), {@code history.first-backoff}
 * (200ms), {@code history.max-backoff} (10s), {@code history.max-delay} (5s, the longest a point
 * waits in the buffer between checkpoints).
 */
public record InfluxSinkConfig(
        String url,
        String database,
        String username,
        String password,
        int batchSize,
        int maxAttempts,
        Duration firstBackoff,
        Duration maxBackoff,
        Duration maxDelay)
        implements Serializable {

    public static InfluxSinkConfig from(Settings s) {
        return new InfluxSinkConfig(
                s.require("influx.url"),
                s.get("influx.database", "cityops"),
                s.find("influx.username").orElse(null),
                s.find("influx.password").orElse(null),
                s.getInt("history.batch-size", 1000),
                s.getInt("history.max-attempts", 5),
                s.getDuration("history.first-backoff", Duration.ofMillis(200)),
                s.getDuration("history.max-backoff", Duration.ofSeconds(10)),
                s.getDuration("history.max-delay", Duration.ofSeconds(5)));
    }

    /** Defaults for a local InfluxDB at this URL. */
    public static InfluxSinkConfig local(String url, String database) {
        return new InfluxSinkConfig(
                url,
                database,
                null,
                null,
                1000,
                5,
                Duration.ofMillis(200),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5));
    }
}
