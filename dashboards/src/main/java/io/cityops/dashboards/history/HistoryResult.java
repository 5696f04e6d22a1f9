package io.cityops.dashboards.history;

import java.util.List;
import java.util.Map;

/**
 * What a history query returned: one series per group (a single series without groupBy), each a
 * list of points in time order.
 */
public record HistoryResult(
        String measurement,
        String field,
        String agg,
        Long stepSeconds,
        long from,
        long to,
        List<Series> series) {

    /** Points of one group; {@code tags} holds the groupBy tag's value, if any. */
    public record Series(Map<String, String> tags, List<Point> points) {}

    /** One value at an instant (epoch ms; bucket start for aggregates). */
    public record Point(long time, double value) {}
}
