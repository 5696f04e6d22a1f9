package io.cityops.model.kpi;

import java.io.Serializable;
import java.util.Objects;

/**
 * A target from a provincial resolution: a KPI at a scope should reach {@code percent} by the end
 * of {@code year}, e.g. forest monitored 70 % by 2025.
 *
 * @param scope the scope the target applies to; the province when the file names none
 */
public record KpiTarget(KpiKind kind, KpiScope scope, int year, double percent)
        implements Serializable {

    public KpiTarget {
        Objects.requireNonNull(kind, "kind");
        scope = scope == null ? KpiScope.PROVINCE : scope;
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException(
                    "target for " + kind + " " + year + ": percent must be 0..100, got " + percent);
        }
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("target for " + kind + ": implausible year " + year);
        }
    }

    public boolean appliesTo(KpiKind k, KpiScope s) {
        return kind == k && scope == s;
    }
}
