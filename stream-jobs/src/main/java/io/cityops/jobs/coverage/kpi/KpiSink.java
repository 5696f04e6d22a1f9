package io.cityops.jobs.coverage.kpi;

import io.cityops.model.city.CityModel;
import io.cityops.model.city.District;
import io.cityops.model.city.Transformer;
import io.cityops.model.city.Zone;
import io.cityops.model.kpi.Kpi;
import io.cityops.model.kpi.KpiKind;
import io.cityops.model.kpi.KpiScope;
import io.cityops.model.kpi.KpiTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the KPIs of one snapshot, attaching the city's targets for each kind and scope and
 * rolling district parts up to districts and the province. Scopes with nothing to count are left
 * out (a share of nothing is not 0 %).
 */
final class KpiSink {
    private final CityModel city;
    private final long eventTime;
    private final List<Kpi> kpis = new ArrayList<>();

    KpiSink(CityModel city, long eventTime) {
        this.city = city;
        this.eventTime = eventTime;
    }

    List<Kpi> kpis() {
        return kpis;
    }

    void zone(KpiKind kind, Zone z, double live, double total) {
        add(kind, KpiScope.ZONE, z.id(), z.name(), live, total);
    }

    void transformer(Transformer t, double live, double total) {
        add(KpiKind.METERS_REPORTING, KpiScope.TRANSFORMER, t.id(), t.name(), live, total);
    }

    void district(KpiKind kind, District d, double live, double total) {
        add(kind, KpiScope.DISTRICT, d.id(), d.name(), live, total);
    }

    void province(KpiKind kind, double live, double total) {
        add(kind, KpiScope.PROVINCE, city.province().id(), city.province().name(), live, total);
    }

    /** District sums of the parts, then the province's sum. */
    void rollUp(KpiKind kind, List<KpiBoard.Part> parts) {
        Map<String, double[]> byDistrict = new LinkedHashMap<>();
        double live = 0;
        double total = 0;
        for (KpiBoard.Part p : parts) {
            double[] sum = byDistrict.computeIfAbsent(p.districtId(), d -> new double[2]);
            sum[0] += p.live();
            sum[1] += p.total();
            live += p.live();
            total += p.total();
        }
        for (District d : city.districts()) {
            double[] sum = byDistrict.get(d.id());
            if (sum != null) {
                district(kind, d, sum[0], sum[1]);
            }
        }
        province(kind, live, total);
    }

    private void add(
            KpiKind kind, KpiScope scope, String id, String name, double live, double total) {
        if (total <= 0) {
            return;
        }
        List<KpiTarget> targets =
                city.targets().stream().filter(t -> t.appliesTo(kind, scope)).toList();
        kpis.add(Kpi.of(kind, scope, id, name, live, total, targets, eventTime));
    }
}
