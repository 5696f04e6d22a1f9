package io.cityops.jobs.coverage.kpi;

import io.cityops.model.city.CityModel;
import io.cityops.model.city.Transformer;
import io.cityops.model.city.Zone;
import io.cityops.model.kpi.Kpi;
import java.util.Optional;

/** Where a KPI's signal is routed: the district of its scope; a province-wide KPI has none. */
final class KpiSignals {
    private KpiSignals() {}

    static Optional<String> districtOf(CityModel city, Kpi k) {
        return switch (k.scope()) {
            case PROVINCE -> Optional.empty();
            case DISTRICT -> Optional.of(k.scopeId());
            case ZONE -> city.zone(k.scopeId()).map(Zone::districtId);
            case TRANSFORMER -> city.transformer(k.scopeId()).map(Transformer::districtId);
        };
    }
}
