package io.cityops.simulator.incidents;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The order of incident kinds: a river flood first (the quickest to show an alert after start-up),
 * then rounds holding every kind once in a seeded order, never the same kind twice in a row.
 */
final class IncidentRotation {
    private final SplittableRandom random;
    private final Deque<IncidentKind> queue = new ArrayDeque<>(List.of(IncidentKind.RIVER_FLOOD));
    private IncidentKind last;

    IncidentRotation(SplittableRandom random) {
        this.random = random;
    }

    IncidentKind next() {
        if (queue.isEmpty()) {
            List<IncidentKind> round = new ArrayList<>(List.of(IncidentKind.values()));
            Collections.shuffle(round, new Random(random.nextLong()));
            if (round.get(0) == last) {
                Collections.swap(round, 0, round.size() - 1);
            }
            queue.addAll(round);
        }
        last = queue.poll();
        return last;
    }
}
