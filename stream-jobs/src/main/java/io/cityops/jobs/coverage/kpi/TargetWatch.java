package io.cityops.jobs.coverage.kpi;

import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.CityModel;
import io.cityops.model.kpi.Kpi;
import io.cityops.model.kpi.KpiTarget;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Raises {@code kpi.below-target} once when a KPI falls below the target in force (the latest whose
 * year has come, in Vietnam's time zone) by more than the margin, and clears it when the KPI is
 * back at the target: one alert per shortfall, no flapping around the line.
 */
public final class TargetWatch {
    public static final String TYPE = "kpi.below-target";
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private final CityModel city;
    private final double marginPct;
    private final Set<String> below = new HashSet<>();

    public TargetWatch(CityModel city, double marginPct, Collection<String> alreadyBelow) {
        this.city = city;
        this.marginPct = marginPct;
        below.addAll(alreadyBelow);
    }

    /** KPI ids with a raised shortfall, for the operator's state. */
    public Set<String> below() {
        return Set.copyOf(below);
    }

    public Optional<Signal> check(Kpi k) {
        int year = Instant.ofEpochMilli(k.eventTime()).atOffset(VIETNAM).getYear();
        Optional<KpiTarget> due = k.targetInForce(year);
        boolean raised = below.contains(k.id());
        if (!raised && due.isPresent() && k.value() < due.get().percent() - marginPct) {
            below.add(k.id());
            return Optional.of(signal(k, due.get(), SignalAction.RAISE, "below"));
        }
        if (raised && (due.isEmpty() || k.value() >= due.get().percent())) {
            below.remove(k.id());
            return Optional.of(signal(k, due.orElse(null), SignalAction.CLEAR, "back at"));
        }
        return Optional.empty();
    }

    private Signal signal(Kpi k, KpiTarget t, SignalAction action, String relation) {
        String target = t == null ? "-" : fmt(t.percent());
        return new Signal(
                TYPE,
                k.id(),
                k.kind().domain(),
                action,
                Severity.MINOR,
                KpiSignals.districtOf(city, k).orElse(null),
                k.eventTime(),
                "coverage/target",
                String.format(
                        Locale.ROOT,
                        "%s in %s is %s %% — %s the %s target of %s %%",
                        k.kind().title(),
                        k.scopeName(),
                        fmt(k.value()),
                        relation,
                        t == null ? "" : t.year(),
                        target),
                Map.of(
                        "value", fmt(k.value()),
                        "target", target,
                        "year", t == null ? "-" : String.valueOf(t.year()),
                        "numerator", fmt(k.numerator()),
                        "denominator", fmt(k.denominator()),
                        "unit", k.kind().quantityUnit()));
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
