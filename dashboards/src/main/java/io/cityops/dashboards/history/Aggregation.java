package io.cityops.dashboards.history;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** InfluxQL aggregate functions the history API offers. */
public enum Aggregation {
    MEAN,
    MEDIAN,
    MIN,
    MAX,
    SUM,
    COUNT,
    FIRST,
    LAST;

    public String function() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Aggregation> byName(String name) {
        return Arrays.stream(values()).filter(a -> a.function().equals(name)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(Aggregation::function).collect(Collectors.joining(", "));
    }
}
