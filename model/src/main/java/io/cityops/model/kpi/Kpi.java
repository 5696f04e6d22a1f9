package io.cityops.model.kpi;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one KPI at one scope, as computed from the sensors reporting now. This is the value
 * of the {@code kpis} Kafka topic, keyed by {@link #id()}.
 *
 * @param id {@code <kind slug>:<scope>:<scope id>}, e.g. {@code forest.monitored:province:12}
 * @param scopeName readable name of the scope, e.g. {@code Huyện Mường Tè}
 * @param value the share in percent ({@code numerator / denominator · 100})
 * @param unit always {@code %} for now; named so a consumer need not assume it
 * @param numerator the live quantity, in {@link KpiKind#quantityUnit()}
 * @param denominator the whole quantity, in the same unit; always positive
 * @param targets the targets that apply to this kind and scope, by year
 * @param eventTime event time (epoch ms) of the sensor change that produced this snapshot
 */
public record Kpi(
        String id,
        KpiKind kind,
        KpiScope scope,
        String scopeId,
        String scopeName,
        double value,
        String unit,
        double numerator,
        double denominator,
        List<KpiTarget> targets,
        long eventTime) {

    public static final String PERCENT = "%";

    public Kpi {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(scopeId, "scopeId");
        scopeName = scopeName == null ? scopeId : scopeName;
        unit = unit == null ? PERCENT : unit;
        targets =
                targets == null
                        ? List.of()
                        : targets.stream()
                                .sorted(Comparator.comparingInt(KpiTarget::year))
                                .toList();
    }

    /** The id of the KPI of a kind at a scope. */
    public static String idOf(KpiKind kind, KpiScope scope, String scopeId) {
        return kind.slug() + ":" + scope.name().toLowerCase(java.util.Locale.ROOT) + ":" + scopeId;
    }

    /** A snapshot with its id and value derived from the parts. */
    public static Kpi of(
            KpiKind kind,
            KpiScope scope,
            String scopeId,
            String scopeName,
            double numerator,
            double denominator,
            List<KpiTarget> targets,
            long eventTime) {
        if (!(denominator > 0)) {
            throw new IllegalArgumentException(
                    "KPI " + idOf(kind, scope, scopeId) + " needs a positive denominator");
        }
        return new Kpi(
                idOf(kind, scope, scopeId),
                kind,
                scope,
                scopeId,
                scopeName,
                100.0 * numerator / denominator,
                PERCENT,
                numerator,
                denominator,
                targets,
                eventTime);
    }

    /**
     * The target already due in {@code year}: the latest one whose year is not after it. A target
     * for a later year is a goal, not yet a shortfall.
     */
    public Optional<KpiTarget> targetInForce(int year) {
        return targets.stream().filter(t -> t.year() <= year).reduce((a, b) -> b);
    }

    /** The next target after {@code year}, if any. */
    public Optional<KpiTarget> nextTarget(int year) {
        return targets.stream().filter(t -> t.year() > year).findFirst();
    }
}
