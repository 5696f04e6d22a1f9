package io.cityops.dashboards.kpis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The latest snapshot of every KPI from the {@code kpis} topic, kept as the JSON the coverage job
 * wrote: the dashboard passes it through rather than freezing a schema owned by another issue.
 */
public final class KpiStore {
    private final Map<String, JsonNode> latest = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, JsonNode>> listeners = new CopyOnWriteArrayList<>();

    public void accept(String kpiId, JsonNode snapshot) {
        latest.put(kpiId, snapshot);
        listeners.forEach(l -> l.accept(kpiId, snapshot));
    }

    /** All KPIs by id, sorted for stable output. */
    public Map<String, JsonNode> all() {
        return new TreeMap<>(latest);
    }

    public void onChange(BiConsumer<String, JsonNode> listener) {
        listeners.add(listener);
    }
}
