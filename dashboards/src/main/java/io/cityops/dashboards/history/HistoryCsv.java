package io.cityops.dashboards.history;

import java.time.Instant;

/**
 * CSV rendering of a history result for spreadsheets: {@code time,<groupBy tag>,value}, ISO times
 * in UTC, one row per point.
 */
public final class HistoryCsv {
    private HistoryCsv() {}

    public static String render(HistoryResult r, String groupBy) {
        StringBuilder out = new StringBuilder("time");
        if (groupBy != null) {
            out.append(',').append(groupBy);
        }
        out.append(',').append(r.field()).append('\n');
        for (HistoryResult.Series s : r.series()) {
            for (HistoryResult.Point p : s.points()) {
                out.append(Instant.ofEpochMilli(p.time()));
                if (groupBy != null) {
                    out.append(',').append(escape(s.tags().getOrDefault(groupBy, "")));
                }
                out.append(',').append(p.value()).append('\n');
            }
        }
        return out.toString();
    }

    private static String escape(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
