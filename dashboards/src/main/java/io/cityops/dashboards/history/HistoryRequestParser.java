package io.cityops.dashboards.history;

import io.cityops.dashboards.BadParameter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a history request from query parameters. Readings, alert events and KPIs ({@link #parse}):
 * {@code measurement, field, from, to, agg, step, groupBy, format} plus tag filters named by their
 * tag ({@code sensorId=...}). Aggregates ({@link #parseAggregates}): {@code kind, window, field,
 * subject, district, domain, from, to, agg, step, groupBy, format}. Anything else, or any value out
 * of range, is a {@link BadParameter} naming the problem.
 */
public final class HistoryRequestParser {
    private static final Set<String> CONTROL =
            Set.of("measurement", "field", "from", "to", "agg", "step", "groupBy", "format");
    private static final Set<String> AGGREGATE_CONTROL =
            Set.of("kind", "window", "field", "from", "to", "agg", "step", "groupBy", "format");

    /** Aggregate filter parameters and the tags they compare. */
    private static final Map<String, String> AGGREGATE_FILTERS =
            Map.of("subject", "subjectId", "district", "districtId", "domain", "domain");

    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(s|m|h|d)");
    private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{N}._:-]{1,128}");
    private static final Duration MIN_STEP = Duration.ofSeconds(1);
    private static final Duration MAX_STEP = Duration.ofDays(7);

    private final Clock clock;
    private final int maxPoints;

    public HistoryRequestParser(Clock clock, int maxPoints) {
        this.clock = clock;
        this.maxPoints = maxPoints;
    }

    public HistoryRequest parse(Map<String, List<String>> query) {
        Map<String, String> params = single(query);
        String name = params.getOrDefault("measurement", "reading");
        HistoryMeasurement m =
                HistoryMeasurement.byName(name)
                        .orElseThrow(
                                () ->
                                        new BadParameter(
                                                "unknown measurement '"
                                                        + name
                                                        + "'; use reading, alert_event or kpi"
                                                        + " (aggregates: /api/history/aggregates)"));
        String field = params.get("field");
        if (field == null || field.isEmpty()) {
            throw new BadParameter("field is required, e.g. field=pm25");
        }
        Map<String, String> filters = new HashMap<>();
        for (var e : params.entrySet()) {
            if (CONTROL.contains(e.getKey())) {
                continue;
            }
            if (!m.tags().contains(e.getKey())) {
                throw new BadParameter(
                        "unknown parameter '"
                                + e.getKey()
                                + "'; filters for "
                                + m.measurement()
                                + " are "
                                + m.tags());
            }
            filters.put(e.getKey(), tagValue(e.getKey(), e.getValue()));
        }
        return request(m, field, filters, params, Optional.ofNullable(params.get("groupBy")));
    }

    /**
     * An aggregate history request, e.g. {@code kind=air.district&subject=105&window=1h}. The
     * window defaults to the kind's usual one and the field to its main value.
     */
    public HistoryRequest parseAggregates(Map<String, List<String>> query) {
        Map<String, String> params = single(query);
        String kindName = params.get("kind");
        if (kindName == null || kindName.isEmpty()) {
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
        String window = params.getOrDefault("window", kind.defaultWindow());
        Duration length = duration("window", window, "1m, 1h or 1d");
        String field =
                Optional.ofNullable(params.get("field"))
                        .filter(f -> !f.isEmpty())
                        .or(kind::defaultField)
                        .orElseThrow(
                                () ->
                                        new BadParameter(
                                                "field is required for kind "
                                                        + kind.kind()
                                                        + ", e.g. field=pm25_mean"));
        if (!kind.fields().contains(field)) {
            throw new BadParameter(
                    "field '"
                            + field
                            + "' is not a value of kind "
                            + kind.kind()
                            + (kind.fields().size() <= 10 ? "; values: " + kind.fields() : ""));
        }
        Map<String, String> filters = new HashMap<>();
        filters.put("window", window);
        for (var e : params.entrySet()) {
            if (AGGREGATE_CONTROL.contains(e.getKey())) {
                continue;
            }
            String tag = AGGREGATE_FILTERS.get(e.getKey());
            if (tag == null) {
                throw new BadParameter(
                        "unknown parameter '"
                                + e.getKey()
                                + "'; aggregate filters are "
                                + AGGREGATE_FILTERS.keySet().stream().sorted().toList());
            }
            filters.put(tag, tagValue(e.getKey(), e.getValue()));
        }
        Optional<String> groupBy =
                Optional.ofNullable(params.get("groupBy"))
                        .map(
                                g ->
                                        Optional.ofNullable(AGGREGATE_FILTERS.get(g))
                                                .orElseThrow(
                                                        () ->
                                                                new BadParameter(
                                                                        "groupBy must be subject,"
                                                                                + " district or"
                                                                                + " domain, not '"
                                                                                + g
                                                                                + "'")));
        return request(new AggregateSeries(kind, length), field, filters, params, groupBy);
    }

    private HistoryRequest request(
            HistorySource source,
            String field,
            Map<String, String> filters,
            Map<String, String> params,
            Optional<String> groupBy) {
        Instant to =
                Optional.ofNullable(params.get("to"))
                        .map(v -> instant("to", v))
                        .orElse(clock.instant());
        Instant from =
                Optional.ofNullable(params.get("from"))
                        .map(v -> instant("from", v))
                        .orElse(to.minus(Duration.ofHours(1)));
        Optional<Aggregation> agg =
                Optional.ofNullable(params.get("agg"))
                        .map(
                                a ->
                                        Aggregation.byName(a)
                                                .orElseThrow(
                                                        () ->
                                                                new BadParameter(
                                                                        "agg '"
                                                                                + a
                                                                                + "' is not one of "
                                                                                + Aggregation
                                                                                        .names())));
        Optional<Duration> step = Optional.ofNullable(params.get("step")).map(this::step);
        step.ifPresent(
                s -> {
                    long buckets = Duration.between(from, to).dividedBy(s);
                    if (buckets > maxPoints) {
                        throw new BadParameter(
                                "range/step gives "
                                        + buckets
                                        + " buckets; at most "
                                        + maxPoints
                                        + " allowed, use a larger step");
                    }
                });
        return new HistoryRequest(source, field, filters, from, to, agg, step, groupBy);
    }

    private static Map<String, String> single(Map<String, List<String>> query) {
        Map<String, String> params = new HashMap<>();
        query.forEach(
                (k, v) -> {
                    if (v.size() != 1) {
                        throw new BadParameter("parameter '" + k + "' must be given once");
                    }
                    params.put(k, v.get(0).trim());
                });
        return params;
    }

    private static String tagValue(String key, String value) {
        if (!TAG_VALUE.matcher(value).matches()) {
            throw new BadParameter("filter " + key + " must be 1-128 letters, digits or . _ : -");
        }
        return value;
    }

    private static Instant instant(String key, String v) {
        try {
            if (v.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(v));
            }
            return Instant.parse(v);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new BadParameter(
                    key
                            + " '"
                            + v
                            + "' is not an ISO-8601 instant (2026-01-31T08:00:00Z) or epoch"
                            + " milliseconds");
        }
    }

    private Duration step(String v) {
        Duration d = duration("step", v, "30s, 5m, 1h or 1d");
        if (d.compareTo(MIN_STEP) < 0 || d.compareTo(MAX_STEP) > 0) {
            throw new BadParameter("step must be between 1s and 7d");
        }
        return d;
    }

    private static Duration duration(String key, String v, String examples) {
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw new BadParameter(key + " '" + v + "' must look like " + examples);
        }
        long n = Long.parseLong(m.group(1));
        Duration d =
                switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
        if (d.isZero()) {
            throw new BadParameter(key + " must be longer than zero");
        }
        return d;
    }
}
