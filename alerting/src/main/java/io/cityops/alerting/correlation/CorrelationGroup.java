package io.cityops.alerting.correlation;

import java.util.Objects;

/**
 * The correlation group of an alert: the key the lifecycle is partitioned by, so that alerts that
 * may belong to one incident meet in one place.
 *
 * @param key e.g. {@code power:tr-105-1}, {@code fire:forest-110-a}, {@code river:Đà}
 * @param rootSubject in {@link CorrelationMode#ROOT_ABSORBS}, the subject whose alert is the
 *     incident (the transformer); else null
 */
public record CorrelationGroup(String key, CorrelationMode mode, String rootSubject) {
    public CorrelationGroup {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(mode, "mode");
    }
}
