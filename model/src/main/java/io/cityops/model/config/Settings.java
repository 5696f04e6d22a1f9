package io.cityops.model.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Configuration of every CityOps process. A key such as {@code kafka.bootstrap} is looked up, in
 * this order: an explicit override, the environment variable {@code CITYOPS_KAFKA_BOOTSTRAP}, the
 * JVM system property {@code cityops.kafka.bootstrap}, the properties file given at start-up, then
 * the caller's default. Keys are listed in {@code docs/operations.md}.
 */
public final class Settings {
    private final Map<String, String> overrides;
    private final Properties file;
    private final Map<String, String> env;

    private Settings(Map<String, String> overrides, Properties file, Map<String, String> env) {
        this.overrides = Map.copyOf(overrides);
        this.file = file;
        this.env = env;
    }

    /** Settings from the environment and system properties only. */
    public static Settings fromEnvironment() {
        return new Settings(Map.of(), new Properties(), System.getenv());
    }

    /**
     * Settings from command-line arguments: {@code --config FILE} names a properties file and
     * {@code --key=value} overrides one key.
     */
    public static Settings fromArgs(String[] args) {
        Properties file = new Properties();
        Map<String, String> overrides = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--config") && i + 1 < args.length) {
                file = readFile(Path.of(args[++i]));
            } else if (a.startsWith("--") && a.contains("=")) {
                overrides.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException(
                        "unexpected argument '" + a + "': use --config FILE or --key=value");
            }
        }
        return new Settings(overrides, file, System.getenv());
    }

    /** Settings from a map only; for tests and for processes that wire others. */
    public static Settings of(Map<String, String> values) {
        return new Settings(values, new Properties(), Map.of());
    }

    /** A copy with more overrides, which win over everything else. */
    public Settings with(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(overrides);
        merged.putAll(more);
        return new Settings(merged, file, env);
    }

    private static Properties readFile(Path path) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration file " + path, e);
        }
    }

    public Optional<String> find(String key) {
        String v = overrides.get(key);
        if (v == null) {
            v =
                    env.get(
                            "CITYOPS_"
                                    + key.toUpperCase(Locale.ROOT)
                                            .replace('.', '_')
                                            .replace('-', '_'));
        }
        if (v == null) {
            v = System.getProperty("cityops." + key);
        }
        if (v == null) {
            v = file.getProperty(key);
        }
        return Optional.ofNullable(v).map(String::trim).filter(s -> !s.isEmpty());
    }

    public String get(String key, String defaultValue) {
        return find(key).orElse(defaultValue);
    }

    public String require(String key) {
        return find(key)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "configuration key '" + key + "' is required"));
    }

    public int getInt(String key, int defaultValue) {
        return find(key).map(v -> parse(key, v, Integer::parseInt)).orElse(defaultValue);
    }

    public long getLong(String key, long defaultValue) {
        return find(key).map(v -> parse(key, v, Long::parseLong)).orElse(defaultValue);
    }

    public double getDouble(String key, double defaultValue) {
        return find(key).map(v -> parse(key, v, Double::parseDouble)).orElse(defaultValue);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return find(key).map(v -> parse(key, v, Settings::strictBoolean)).orElse(defaultValue);
    }

    /**
     * A duration in ISO-8601 ({@code PT30S}) or as a number with a unit: {@code 500ms}, {@code
     * 30s}, {@code 5m}, {@code 2h}.
     */
    public Duration getDuration(String key, Duration defaultValue) {
        return find(key).map(v -> parse(key, v, Settings::duration)).orElse(defaultValue);
    }

    private static boolean strictBoolean(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    static Duration duration(String v) {
        String s = v.toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("p")) {
                return Duration.parse(v);
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            return switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException("unknown unit");
            };
        } catch (NumberFormatException
                | DateTimeParseException
                | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a duration", e);
        }
    }

    private interface Parser<T> {
        T parse(String v);
    }

    private static <T> T parse(String key, String value, Parser<T> parser) {
        try {
            return parser.parse(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "configuration key '"
                            + key
                            + "' has an invalid value '"
                            + value
                            + "': "
                            + e.getMessage(),
                    e);
        }
    }
}
