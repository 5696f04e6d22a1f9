package io.cityops.jobs.coverage.geo;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.coverage.geo.ExactCoverage.Circle;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import io.cityops.model.city.Zone;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Why resolution 9: the H3 grid's share of each forest zone of the sample province against exact
 * JTS geometry, with every station up and with a fixed random half of them silent.
 */
class HexCoverageErrorTest {
    private static final CityModel LAI_CHAU = CityModelLoader.sample();

    /** Largest difference in percentage points over all zones and both station sets. */
    static double worstErrorPp(int resolution) {
        ForestCoverage forest = ForestCoverage.of(LAI_CHAU, new HexCells(resolution));
        List<Sensor> stations =
                LAI_CHAU.sensors().stream()
                        .filter(s -> s.kind() == SensorKind.FOREST_STATION)
                        .sorted(java.util.Comparator.comparing(Sensor::id))
                        .toList();
        Random coin = new Random(7);
        List<Sensor> half = stations.stream().filter(s -> coin.nextBoolean()).toList();
        double worst = 0;
        for (List<Sensor> up : List.of(stations, half)) {
            stations.forEach(s -> forest.grid().setReporting(s.id(), false));
            up.forEach(s -> forest.grid().setReporting(s.id(), true));
            List<Circle> circles =
                    up.stream()
                            .map(s -> new Circle(s.location(), s.kind().coverageRadiusKm()))
                            .toList();
            for (Zone z : forest.zones()) {
                double exact = ExactCoverage.share(z.boundary(), circles);
                worst = Math.max(worst, Math.abs(forest.grid().share(z.id()) - exact) * 100);
            }
        }
        return worst;
    }

    @Test
    void resolutionNineIsWithinOnePercentagePointOfTheExactShare() {
        assertThat(worstErrorPp(9)).isLessThan(1.0);
    }

    @Test
    void resolutionEightWouldBeTooCoarse() {
        assertThat(worstErrorPp(8)).isGreaterThan(1.0);
    }
}
