package io.cityops.jobs.coverage.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cityops.jobs.coverage.geo.ForestCoverage;
import io.cityops.jobs.coverage.geo.HexCells;
import io.cityops.model.Domain;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.Sensor;
import io.cityops.model.kpi.Kpi;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample province's KPIs from which of its 333 sensors report. */
class KpiBoardTest {
    private static final CityModel LAI_CHAU = CityModelLoader.sample();
    private static ForestCoverage forest;

    @BeforeAll
    static void grid() {
        forest = ForestCoverage.of(LAI_CHAU, new HexCells(9));
    }

    private static KpiBoard allUpExcept(String... silent) {
        KpiBoard board = new KpiBoard(LAI_CHAU, forest, EnumSet.allOf(Domain.class));
        LAI_CHAU.sensors().forEach(s -> board.setReporting(s.id(), true));
        for (String id : silent) {
            board.setReporting(id, false);
        }
        return board;
    }

    private static Kpi kpi(List<Kpi> all, String id) {
        return all.stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void withEverySensorUpEveryCountIsFullAndForestIsItsFootprintsShare() {
        List<Kpi> all = allUpExcept().snapshot(0);

        assertThat(kpi(all, "road.surveilled:province:12").numerator())
                .isEqualTo(36.0); // 18 × 2 km
        assertThat(kpi(all, "smart-services.districts:province:12").value()).isEqualTo(100.0);
        assertThat(kpi(all, "meters.reporting:transformer:tr-105-1").denominator()).isEqualTo(11);
        Kpi forestKpi = kpi(all, "forest.monitored:province:12");
        assertThat(forestKpi.denominator()).isCloseTo(458_572, within(1_000.0));
        assertThat(forestKpi.value()).isBetween(1.0, 70.0); // 80 stations of 3 km are not enough
        assertThat(forestKpi.targets()).hasSize(2);
    }

    @Test
    void aSegmentStaysSurveilledWhileOneOfItsDetectorsReports() {
        List<Kpi> one = allUpExcept("td-105-1u").snapshot(0);
        List<Kpi> both = allUpExcept("td-105-1u", "td-105-1d").snapshot(0);

        assertThat(kpi(one, "road.surveilled:district:105").numerator()).isEqualTo(8.0);
        assertThat(kpi(both, "road.surveilled:district:105").numerator()).isEqualTo(6.0);
    }

    @Test
    void aDistrictWithoutLivePowerFeedsStopsCountingForSmartServices() {
        String[] meters107 =
                LAI_CHAU.sensors().stream()
                        .filter(s -> s.districtId().equals("107") && s.domain() == Domain.POWER)
                        .map(Sensor::id)
                        .toArray(String[]::new);
        List<Kpi> all = allUpExcept(meters107).snapshot(0);

        assertThat(kpi(all, "smart-services.districts:district:107").numerator()).isEqualTo(3.0);
        assertThat(kpi(all, "smart-services.districts:province:12").numerator()).isEqualTo(7.0);
        assertThat(kpi(all, "meters.reporting:district:107").value()).isZero();
    }

    @Test
    void silentForestStationsLowerTheirZonesShareOnly() {
        List<Kpi> before = allUpExcept().snapshot(0);
        List<Kpi> after =
                allUpExcept("fs-107-a1", "fs-107-a2", "fs-107-a3", "fs-107-a4", "fs-107-a5")
                        .snapshot(0);

        assertThat(kpi(after, "forest.monitored:zone:forest-107-a").value()).isZero();
        assertThat(kpi(after, "forest.monitored:zone:forest-105-a").value())
                .isEqualTo(kpi(before, "forest.monitored:zone:forest-105-a").value());
    }
}
