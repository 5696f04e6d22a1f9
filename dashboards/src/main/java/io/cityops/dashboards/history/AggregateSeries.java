package io.cityops.dashboards.history;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The InfluxDB home of one aggregate kind at one window length, in the layout the history sink
 * writes ({@code io.cityops.jobs.history.HistorySchema}): measurement {@code agg_<kind>} (dots as
 * underscores) in {@code agg_1m} for windows under an hour, {@code agg_1h} under a day, {@code
 * agg_1d} otherwise; tags kind, subjectId, districtId, domain, window.
 */
public record AggregateSeries(AggregateKind kind, Duration window) implements HistorySource {
    static final List<String> TAGS = List.of("subjectId", "districtId", "domain", "window");

    @Override
    public String retentionPolicy() {
        if (window.compareTo(Duration.ofHours(1)) < 0) {
            return "agg_1m";
        }
        return window.compareTo(Duration.ofDays(1)) < 0 ? "agg_1h" : "agg_1d";
    }

    @Override
    public String measurement() {
        return "agg_" + kind.kind().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    @Override
    public Set<String> fields() {
        return kind.fields();
    }

    @Override
    public List<String> tags() {
        return TAGS;
    }
}
