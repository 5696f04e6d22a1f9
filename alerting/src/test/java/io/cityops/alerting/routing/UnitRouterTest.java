package io.cityops.alerting.routing;

import static io.cityops.alerting.testing.Signals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Domain;
import io.cityops.model.city.Capability;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.District;
import io.cityops.model.city.FieldUnit;
import io.cityops.model.city.GeoPoint;
import io.cityops.model.city.Province;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnitRouterTest {
    private static final UnitRouter SAMPLE = new UnitRouter(CityModelLoader.sample());

    @Test
    void muongTeWaterLevelGoesToRescueNorthOnly() {
        assertThat(SAMPLE.unitsFor(signal("water.level", Domain.ENVIRONMENT, "107")))
                .containsExactly("rescue-north");
    }

    @Test
    void forestSignalInThanUyenGoesToRangerSouth() {
        assertThat(SAMPLE.unitsFor(signal("forest.fire", Domain.FOREST, "110")))
                .containsExactly("ranger-south");
    }

    @Test
    void prefixesMatchWholeDottedParts() {
        assertThat(RoutingRule.typeMatches("forest.fire", "forest.fire")).isTrue();
        assertThat(RoutingRule.typeMatches("forest.fire.crown", "forest.fire")).isTrue();
        assertThat(RoutingRule.typeMatches("forest.fire-danger", "forest.fire")).isFalse();
        assertThat(RoutingRule.typeMatches("water.level", "water.")).isTrue();
        assertThat(RoutingRule.typeMatches("waterfall", "water.")).isFalse();
    }

    @Test
    void rainAndFloodGoToDisasterResponseNotTheEnvironmentTeam() {
        assertThat(SAMPLE.unitsFor(signal("rain.accumulation", Domain.ENVIRONMENT, "110")))
                .containsExactly("rescue-south");
        assertThat(SAMPLE.unitsFor(signal("flood.risk", Domain.ENVIRONMENT, "112")))
                .containsExactly("rescue-north");
    }

    @Test
    void eachDomainGoesToItsOwnKindOfUnit() {
        assertThat(SAMPLE.unitsFor(signal("air.aqi", Domain.ENVIRONMENT, "105")))
                .containsExactly("env-team");
        assertThat(SAMPLE.unitsFor(signal("traffic.congestion", Domain.TRAFFIC, "107")))
                .containsExactly("police-west");
        assertThat(SAMPLE.unitsFor(signal("power.outage", Domain.POWER, "111")))
                .containsExactly("power-crew-3");
    }

    @Test
    void theNearestCoveringUnitIsChosenAndTheOtherIsTheFallback() {
        UnitRouter router =
                new UnitRouter(
                        smallProvince(
                                List.of(
                                        unit("rescue-far", "d1", 21.0),
                                        unit("rescue-near", "d1", 22.0))));
        assertThat(router.unitsFor(signal("water.level", Domain.ENVIRONMENT, "d1")))
                .containsExactly("rescue-near");
        assertThat(
                        router.nextUnit(
                                "water.level",
                                Domain.ENVIRONMENT,
                                io.cityops.model.Severity.MAJOR,
                                "d1",
                                List.of("rescue-near")))
                .contains("rescue-far");
    }

    @Test
    void districtNoUnitCoversFallsBackToTheNearestCapableUnit() {
        UnitRouter router =
                new UnitRouter(
                        smallProvince(
                                List.of(
                                        unit("rescue-d1", "d1", 22.0),
                                        unit("rescue-d3", "d3", 22.4))));
        assertThat(router.unitsFor(signal("water.level", Domain.ENVIRONMENT, "d2")))
                .containsExactly("rescue-d3");
    }

    @Test
    void signalWithoutDistrictFallsBackToOneCapableUnit() {
        UnitRouter router =
                new UnitRouter(
                        smallProvince(
                                List.of(
                                        unit("rescue-b", "d1", 22.0),
                                        unit("rescue-a", "d3", 22.4))));
        assertThat(router.unitsFor(signal("water.level", Domain.ENVIRONMENT, null)))
                .containsExactly("rescue-a");
    }

    @Test
    void noCapableUnitAnywhereMeansNoUnit() {
        UnitRouter router = new UnitRouter(smallProvince(List.of(unit("rescue-d1", "d1", 22.0))));
        assertThat(router.unitsFor(signal("forest.fire", Domain.FOREST, "d1"))).isEmpty();
    }

    /** Three districts on a meridian: d1 at 22.0°N, d2 at 22.3°N, d3 at 22.4°N. */
    private static CityModel smallProvince(List<FieldUnit> units) {
        return new CityModel(
                new Province("test", "Test", "Test"),
                List.of(district("d1", 22.0), district("d2", 22.3), district("d3", 22.4)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                units);
    }

    private static District district(String id, double lat) {
        return new District(id, id, id, new GeoPoint(lat, 103.0));
    }

    private static FieldUnit unit(String id, String districtId, double baseLat) {
        return new FieldUnit(
                id,
                id,
                Set.of(Capability.DISASTER_RESPONSE),
                List.of(districtId),
                new GeoPoint(baseLat, 103.0));
    }
}
