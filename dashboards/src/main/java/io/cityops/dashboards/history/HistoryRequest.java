package io.cityops.dashboards.history;

import io.cityops.dashboards.BadParameter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A validated history query: every identifier is from an allow-list ({@link HistoryMeasurement},
 * {@link AggregateKind}) and every user value is kept apart to be bound as a parameter.
 *
 * @param filters tag name (allow-listed) to the value it must equal
 * @param aggregation empty for raw points
 * @param step bucket width, present exactly when an aggregation is
 * @param groupBy a tag to split series by
 */
public record HistoryRequest(
        HistorySource measurement,
        String field,
        Map<String, String> filters,
        Instant from,
        Instant to,
        Optional<Aggregation> aggregation,
        Optional<Duration> step,
        Optional<String> groupBy) {

    public HistoryRequest {
        filters = Map.copyOf(filters);
        if (!measurement.fields().contains(field)) {
            throw new BadParameter(
                    "field '" + field + "' is not a field of " + measurement.measurement());
        }
        for (String tag : filters.keySet()) {
            requireTag(measurement, tag);
        }
        groupBy.ifPresent(t -> requireTag(measurement, t));
        if (!from.isBefore(to)) {
            throw new BadParameter("from must be before to");
        }
        if (aggregation.isPresent() != step.isPresent()) {
            throw new BadParameter("agg and step go together: give both or neither");
        }
    }

    private static void requireTag(HistorySource m, String tag) {
        if (!m.tags().contains(tag)) {
            throw new BadParameter(
                    "'" + tag + "' is not a tag of " + m.measurement() + "; tags: " + m.tags());
        }
    }
}
