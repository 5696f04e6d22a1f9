package io.cityops.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.json.JsonCodec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiTest {
    private static final List<KpiTarget> FOREST_TARGETS =
            List.of(
                    new KpiTarget(KpiKind.FOREST_MONITORED, KpiScope.PROVINCE, 2030, 100),
                    new KpiTarget(KpiKind.FOREST_MONITORED, KpiScope.PROVINCE, 2025, 70));
    private static final long JULY_2025 = Instant.parse("2025-07-20T00:00:00Z").toEpochMilli();

    private static Kpi forest(double monitoredHa) {
        return Kpi.of(
                KpiKind.FOREST_MONITORED,
                KpiScope.PROVINCE,
                "12",
                "Lai Châu",
                monitoredHa,
                457_472.8,
                FOREST_TARGETS,
                JULY_2025);
    }

    @Test
    void valueIsTheShareInPercentAndTheIdNamesKindScopeAndId() {
        Kpi k = forest(228_736.4);
        assertThat(k.value()).isEqualTo(50.0);
        assertThat(k.id()).isEqualTo("forest.monitored:province:12");
        assertThat(k.unit()).isEqualTo("%");
    }

    @Test
    void theTargetInForceIsTheLatestAlreadyDue() {
        Kpi k = forest(1);
        assertThat(k.targetInForce(2024)).isEmpty();
        assertThat(k.targetInForce(2025)).get().extracting(KpiTarget::percent).isEqualTo(70.0);
        assertThat(k.targetInForce(2029)).get().extracting(KpiTarget::percent).isEqualTo(70.0);
        assertThat(k.targetInForce(2031)).get().extracting(KpiTarget::percent).isEqualTo(100.0);
        assertThat(k.nextTarget(2025)).get().extracting(KpiTarget::year).isEqualTo(2030);
    }

    @Test
    void roundTripsThroughItsJsonCodec() {
        Kpi k = forest(120_000);
        assertThat(JsonCodec.KPI.decode(JsonCodec.KPI.encode(k))).isEqualTo(k);
    }

    @Test
    void theTableShowsProvinceRowsAgainstTheTargetDueAndTheNext() {
        Kpi district =
                Kpi.of(
                        KpiKind.FOREST_MONITORED,
                        KpiScope.DISTRICT,
                        "107",
                        "Mường Tè",
                        1,
                        2,
                        List.of(),
                        0);
        String table = KpiTable.render("Lai Châu", List.of(district, forest(120_000)), JULY_2025);

        assertThat(table)
                .contains("KPIs of Lai Châu at 2025-07-20T00:00:00Z")
                .contains("Forest area monitored")
                .contains("26.2 %")
                .contains("120,000 / 457,473 ha")
                .contains("BELOW 70 % by 2025; next 100 % by 2030")
                .doesNotContain("Mường Tè");
        assertThat(table.lines()).hasSize(3);
    }
}
