package io.cityops.jobs.coverage.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.SignalAction;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.kpi.Kpi;
import io.cityops.model.kpi.KpiKind;
import io.cityops.model.kpi.KpiScope;
import io.cityops.model.kpi.KpiTarget;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetWatchTest {
    private static final CityModel LAI_CHAU = CityModelLoader.sample();
    private static final long JULY_2025 = Instant.parse("2025-07-20T00:00:00Z").toEpochMilli();
    private static final long JULY_2024 = Instant.parse("2024-07-20T00:00:00Z").toEpochMilli();
    private final TargetWatch watch = new TargetWatch(LAI_CHAU, 1.0, List.of());

    private static Kpi forest(double percent, long at) {
        List<KpiTarget> targets =
                LAI_CHAU.targets().stream()
                        .filter(t -> t.appliesTo(KpiKind.FOREST_MONITORED, KpiScope.PROVINCE))
                        .toList();
        return Kpi.of(
                KpiKind.FOREST_MONITORED,
                KpiScope.PROVINCE,
                "12",
                "Lai Châu",
                percent,
                100,
                targets,
                at);
    }

    private Optional<SignalAction> check(double percent) {
        return watch.check(forest(percent, JULY_2025)).map(s -> s.action());
    }

    @Test
    void aShortfallIsRaisedOnceAndClearedAtTheTarget() {
        assertThat(check(80)).isEmpty();
        assertThat(check(68.9)).contains(SignalAction.RAISE);
        assertThat(check(50)).isEmpty();
        assertThat(check(69.9)).isEmpty();
        assertThat(check(70)).contains(SignalAction.CLEAR);
    }

    @Test
    void withinTheMarginBelowTheTargetNothingIsRaised() {
        assertThat(check(69.5)).isEmpty();
    }

    @Test
    void aTargetNotYetDueIsNoShortfall() {
        assertThat(watch.check(forest(10, JULY_2024))).isEmpty();
    }

    @Test
    void theSignalNamesTheKpiTheTargetAndNoDistrictForTheProvince() {
        var s = watch.check(forest(50, JULY_2025)).orElseThrow();
        assertThat(s.type()).isEqualTo("kpi.below-target");
        assertThat(s.subjectId()).isEqualTo("forest.monitored:province:12");
        assertThat(s.districtId()).isNull();
        assertThat(s.attributes()).containsEntry("target", "70.0").containsEntry("value", "50.0");
    }
}
