package io.cityops.dashboards.live;

import io.cityops.model.Aggregate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The latest windowed summary per (kind, subject, window) from the {@code aggregates} topic, for
 * the live panels. A summary of an older window is ignored, so a replay after a restart cannot roll
 * a panel back; a re-emission of the same window replaces it (a late reading corrected it).
 */
public final class AggregateStore {
    private final Map<Key, Aggregate> latest = new ConcurrentHashMap<>();
    private final List<Consumer<Aggregate>> listeners = new CopyOnWriteArrayList<>();

    private record Key(String kind, String subjectId, String window) {}

    /** Takes one summary; returns true when the store now holds it. */
    public boolean accept(Aggregate a) {
        boolean[] changed = {false};
        latest.compute(
                new Key(a.kind(), a.subjectId(), a.window()),
                (k, known) -> {
                    if (known != null && known.windowStart() > a.windowStart()) {
                        return known;
                    }
                    changed[0] = !a.equals(known);
                    return a;
                });
        if (changed[0]) {
            listeners.forEach(l -> l.accept(a));
        }
        return changed[0];
    }

    /** The latest summary of one subject. */
    public Optional<Aggregate> latest(String kind, String subjectId, String window) {
        return Optional.ofNullable(latest.get(new Key(kind, subjectId, window)));
    }

    /** The latest summary of every subject of a kind and window, sorted by subject. */
    public List<Aggregate> latest(String kind, String window) {
        return latest.values().stream()
                .filter(a -> a.kind().equals(kind) && a.window().equals(window))
                .sorted(Comparator.comparing(Aggregate::subjectId))
                .toList();
    }

    /** Called with every summary the store takes, on the feeding thread. */
    public void onChange(Consumer<Aggregate> listener) {
        listeners.add(listener);
    }
}
