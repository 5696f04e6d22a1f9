package io.cityops.model.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.model.Domain;
import io.cityops.model.kpi.KpiKind;
import io.cityops.model.kpi.KpiTarget;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleProvinceTest {
    private final CityModel laiChau = CityModelLoader.sample();

    @Test
    void hasTheEightDistrictLevelUnitsOfLaiChau() {
        assertThat(laiChau.province().name()).isEqualTo("Lai Châu");
        assertThat(laiChau.districts())
                .extracting(District::id)
                .containsExactlyInAnyOrder("105", "106", "107", "108", "109", "110", "111", "112");
        assertThat(laiChau.district("107"))
                .get()
                .extracting(District::name)
                .isEqualTo("Huyện Mường Tè");
    }

    @Test
    void hasSomeHundredsOfSensorsInEveryDomain() {
        assertThat(laiChau.sensors()).hasSizeBetween(200, 1000);
        assertThat(laiChau.sensors().stream().map(Sensor::domain).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Domain.values());
    }

    @Test
    void aDozenFieldUnitsCoverEveryDistrictForEveryCapability() {
        assertThat(laiChau.fieldUnits()).hasSizeBetween(10, 15);
        for (District d : laiChau.districts()) {
            for (Capability c : Capability.values()) {
                assertThat(laiChau.fieldUnits())
                        .as("a %s unit for district %s", c, d.id())
                        .anyMatch(u -> u.capabilities().contains(c) && u.covers(d.id()));
            }
        }
    }

    @Test
    void muongTeOnTheDaRiverHasLevelThreeAt290Metres() {
        RiverStation muongTe = laiChau.riverStation("rs-107-muongte").orElseThrow();
        assertThat(muongTe.level3Cm()).isEqualTo(29_000);
        assertThat(muongTe.alarmLevelAt(28_799)).isEqualTo(1);
        assertThat(muongTe.alarmLevelAt(28_800)).isEqualTo(2);
        assertThat(muongTe.alarmLevelAt(29_000)).isEqualTo(3);
        assertThat(muongTe.alarmLevelAt(20_000)).isZero();
    }

    @Test
    void everySensorIdIsUsableInAnMqttTopic() {
        assertThat(laiChau.sensors())
                .allMatch(
                        s ->
                                Arrays.stream(new String[] {"/", "+", "#", " "})
                                        .noneMatch(s.id()::contains));
    }

    @Test
    void forestZonesHaveOutlinesAndTheProvinceCarriesItsResolutionTargets() {
        assertThat(laiChau.zones())
                .filteredOn(z -> z.kind() == ZoneKind.FOREST)
                .hasSize(16)
                .allMatch(z -> z.boundary().size() >= 3);
        assertThat(laiChau.targets())
                .extracting(KpiTarget::kind, KpiTarget::year, KpiTarget::percent)
                .containsExactlyInAnyOrder(
                        tuple(KpiKind.FOREST_MONITORED, 2025, 70.0),
                        tuple(KpiKind.FOREST_MONITORED, 2030, 100.0),
                        tuple(KpiKind.SMART_SERVICE_DISTRICTS, 2025, 40.0),
                        tuple(KpiKind.SMART_SERVICE_DISTRICTS, 2030, 100.0));
    }

    @Test
    void aZoneWithoutOutlineStillLoads() {
        Zone z = new Zone("z", "Z", ZoneKind.URBAN, "105", new GeoPoint(22.4, 103.4));
        assertThat(z.hasBoundary()).isFalse();
    }
}
