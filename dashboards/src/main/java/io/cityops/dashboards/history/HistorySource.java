package io.cityops.dashboards.history;

import java.util.List;
import java.util.Set;

/**
 * Where a history query reads: a retention policy and measurement with the fields and tags a query
 * may name. Implementations are allow-lists, so every identifier in a query comes from one.
 */
public interface HistorySource {
    String retentionPolicy();

    String measurement();

    Set<String> fields();

    List<String> tags();
}
