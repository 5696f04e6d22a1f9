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
 * Reads a history request from query parameters: {@code measurement, field, from, to, agg, step,
 * groupBy, format} plus tag filters named by their tag ({@code sensorId=...}). Anything else, or
 * any value out of range, is a {@link BadParameter} naming the problem.
 */
public final class HistoryRequestParser {
    private static final Set<String> CONTROL =
            Set.of("measurement", "field", "from", "to", "agg", "step", "groupBy", "format");
    private static final Pattern STEP = Pattern.compile("(\\d{1,6})(s|m|h|d)");
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
        Map<String, String> params = new HashMap<>();
        query.forEach(
                (k, v) -> {
                    if (v.size() != 1) {
                        throw new BadParameter("parameter '" + k + "' must be given once");
                    }
                    params.put(k, v.get(0).trim());
                });
        String name = params.getOrDefault("measurement", "reading");
        HistoryMeasurement m =
                HistoryMeasurement.byName(name)
                        .orElseThrow(
                                () ->
                                        new BadParameter(
                                                "unknown measurement '"
                                                        + name
                                                        + "'; use reading, reading_1m,"
                                                        + " reading_1h, alert_event or kpi"));
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
            if (!TAG_VALUE.matcher(e.getValue()).matches()) {
                throw new BadParameter(
                        "filter " + e.getKey() + " must be 1-128 letters, digits or . _ : -");
            }
            filters.put(e.getKey(), e.getValue());
        }
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
        return new HistoryRequest(
                m, field, filters, from, to, agg, step, Optional.ofNullable(params.get("groupBy")));
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
        Matcher m = STEP.matcher(v);
        if (!m.matches()) {
            throw new BadParameter("step '" + v + "' must look like 30s, 5m, 1h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        Duration d =
                switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
        if (d.compareTo(MIN_STEP) < 0 || d.compareTo(MAX_STEP) > 0) {
            throw new BadParameter("step must be between 1s and 7d");
        }
        return d;
    }
}
