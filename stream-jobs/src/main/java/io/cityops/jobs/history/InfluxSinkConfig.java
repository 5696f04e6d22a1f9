package io.cityops.jobs.history;

import io.cityops.model.config.Settings;
import java.io.Serializable;
import java.time.Duration;

/**
 * Where and how the history sink writes. Keys: {@code influx.url} (required), {@code
 * influx.database} (cityops), {@code influx.username}/{@code influx.password} (optional), {@code
 * history.batch-size} (5000), {@code history.max-attempts} (5), {@code history.first-backoff}
 * (200ms), {@code history.max-backoff} (10s), {@code history.max-delay} (5s, the longest a point
 * waits in the buffer between checkpoints), {@code history.gzip} (false; true compresses request
 * bodies, worth it over a slow link to a remote InfluxDB). Batches of 5000 lines wrote about 2.4×
 * the points per second of 1000; gzip changed nothing on loopback (bench/results,
 * after-sink-gzip5000; docs/performance.md).
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
        Duration maxDelay,
        boolean gzip)
        implements Serializable {

    public static final int DEFAULT_BATCH_SIZE = 5000;

    public static InfluxSinkConfig from(Settings s) {
        return new InfluxSinkConfig(
                s.require("influx.url"),
                s.get("influx.database", "cityops"),
                s.find("influx.username").orElse(null),
                s.find("influx.password").orElse(null),
                s.getInt("history.batch-size", DEFAULT_BATCH_SIZE),
                s.getInt("history.max-attempts", 5),
                s.getDuration("history.first-backoff", Duration.ofMillis(200)),
                s.getDuration("history.max-backoff", Duration.ofSeconds(10)),
                s.getDuration("history.max-delay", Duration.ofSeconds(5)),
                s.getBoolean("history.gzip", false));
    }

    /** The same settings with request compression on or off. */
    public InfluxSinkConfig withGzip(boolean on) {
        return new InfluxSinkConfig(
                url,
                database,
                username,
                password,
                batchSize,
                maxAttempts,
                firstBackoff,
                maxBackoff,
                maxDelay,
                on);
    }

    /** Defaults for a local InfluxDB at this URL. */
    public static InfluxSinkConfig local(String url, String database) {
        return new InfluxSinkConfig(
                url,
                database,
                null,
                null,
                DEFAULT_BATCH_SIZE,
                5,
                Duration.ofMillis(200),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                false);
    }
}
