package io.cityops.dashboards.history;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The InfluxQL text and bound parameters for a {@link HistoryRequest}. The text contains only
 * allow-listed identifiers and numbers the server chose; user values travel as {@code $params}.
 */
public record HistoryQuery(String text, Map<String, Object> params) {

    public static HistoryQuery of(HistoryRequest r, int rawLimit) {
        HistorySource m = r.measurement();
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder q = new StringBuilder("SELECT ");
        String field = quote(r.field());
        q.append(r.aggregation().map(a -> a.function() + "(" + field + ")").orElse(field));
        q.append(" AS \"value\" FROM ")
                .append(quote(m.retentionPolicy()))
                .append('.')
                .append(quote(m.measurement()));
        q.append(" WHERE time >= $from AND time < $to");
        params.put("from", r.from().toString());
        params.put("to", r.to().toString());
        int i = 0;
        for (var e : new TreeMap<>(r.filters()).entrySet()) {
            String p = "f" + i++;
            q.append(" AND ").append(quote(e.getKey())).append(" = $").append(p);
            params.put(p, e.getValue());
        }
        if (r.step().isPresent()) {
            q.append(" GROUP BY time(").append(r.step().get().toSeconds()).append("s)");
            r.groupBy().ifPresent(g -> q.append(", ").append(quote(g)));
            q.append(" fill(none)");
        } else {
            r.groupBy().ifPresent(g -> q.append(" GROUP BY ").append(quote(g)));
            q.append(" LIMIT ").append(rawLimit);
        }
        return new HistoryQuery(q.toString(), params);
    }

    /** Quotes an allow-listed identifier; the check makes a slip in the allow-list loud. */
    private static String quote(String identifier) {
        if (!identifier.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("not a safe identifier: " + identifier);
        }
        return "\"" + identifier + "\"";
    }
}
