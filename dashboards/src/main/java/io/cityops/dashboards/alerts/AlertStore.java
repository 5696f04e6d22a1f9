package io.cityops.dashboards.alerts;

import io.cityops.model.Alert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The latest version of every alert with its recent history, fed from the {@code alerts} changelog
 * (or directly by tests). Older or repeated versions are ignored, so replays are harmless.
 */
public final class AlertStore {
    /** How many versions per alert the detail view keeps; the full audit is in InfluxDB. */
    static final int HISTORY_PER_ALERT = 50;

    private final Map<String, List<Alert>> versions = new ConcurrentHashMap<>();
    private final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();

    /** Takes one alert version; returns true when it is newer than what the store held. */
    public boolean accept(Alert alert) {
        boolean[] changed = {false};
        versions.compute(
                alert.alertId(),
                (id, known) -> {
                    List<Alert> list = known == null ? new ArrayList<>() : new ArrayList<>(known);
                    if (!list.isEmpty() && list.get(list.size() - 1).version() >= alert.version()) {
                        return known;
                    }
                    list.add(alert);
                    if (list.size() > HISTORY_PER_ALERT) {
                        list.remove(0);
                    }
                    changed[0] = true;
                    return List.copyOf(list);
                });
        if (changed[0]) {
            listeners.forEach(l -> l.accept(alert));
        }
        return changed[0];
    }

    public Optional<Alert> latest(String alertId) {
        List<Alert> list = versions.get(alertId);
        return list == null ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    /** The versions this store kept for an alert, oldest first. */
    public List<Alert> history(String alertId) {
        return versions.getOrDefault(alertId, List.of());
    }

    /** Latest versions matching the filter, newest update first. */
    public List<Alert> find(AlertFilter filter) {
        return versions.values().stream()
                .map(l -> l.get(l.size() - 1))
                .filter(filter::matches)
                .sorted(Comparator.comparingLong(Alert::updatedAt).reversed())
                .limit(filter.limit())
                .toList();
    }

    /** Called with every new alert version, on the feeding thread. */
    public void onChange(Consumer<Alert> listener) {
        listeners.add(listener);
    }
}
