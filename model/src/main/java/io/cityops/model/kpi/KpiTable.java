package io.cityops.model.kpi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders the province's KPIs against their targets as a fixed-width text table, for an operator's
 * log line (and any console). Pure: the same snapshots give the same text.
 */
public final class KpiTable {
    private static final String ROW = "%n  %-40s %7s  %-30s %s";

    private KpiTable() {}

    /**
     * The province-scope snapshots among {@code kpis}, one row each in {@link KpiKind} order, with
     * the target in force in the year of {@code at} (UTC) and the next one.
     */
    public static String render(String provinceName, List<Kpi> kpis, long at) {
        int year = Instant.ofEpochMilli(at).atOffset(ZoneOffset.UTC).getYear();
        StringBuilder out = new StringBuilder("KPIs of ").append(provinceName);
        out.append(" at ").append(Instant.ofEpochMilli(at));
        out.append(String.format(Locale.ROOT, ROW, "KPI", "value", "live / all", "target"));
        List<Kpi> rows =
                kpis.stream()
                        .filter(k -> k.scope() == KpiScope.PROVINCE)
                        .sorted(Comparator.comparing(Kpi::kind))
                        .toList();
        for (Kpi k : rows) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            ROW,
                            k.kind().title(),
                            String.format(Locale.ROOT, "%.1f %%", k.value()),
                            quantity(k),
                            targets(k, year)));
        }
        if (rows.isEmpty()) {
            out.append(String.format(Locale.ROOT, "%n  (no KPI computed yet)"));
        }
        return out.toString();
    }

    private static String quantity(Kpi k) {
        String pattern =
                k.kind().quantityUnit().equals("km") ? "%,.1f / %,.1f %s" : "%,.0f / %,.0f %s";
        return String.format(
                Locale.ROOT, pattern, k.numerator(), k.denominator(), k.kind().quantityUnit());
    }

    private static String targets(Kpi k, int year) {
        if (k.targets().isEmpty()) {
            return "-";
        }
        Optional<KpiTarget> due = k.targetInForce(year);
        String state =
                due.map(t -> k.value() < t.percent() ? "BELOW " + label(t) : "met " + label(t))
                        .orElse("none due yet");
        String next =
                k.targets().stream()
                        .filter(t -> t.year() > year)
                        .map(KpiTable::label)
                        .collect(Collectors.joining(", "));
        return next.isEmpty() ? state : state + "; next " + next;
    }

    private static String label(KpiTarget t) {
        return String.format(Locale.ROOT, "%.0f %% by %d", t.percent(), t.year());
    }
}
