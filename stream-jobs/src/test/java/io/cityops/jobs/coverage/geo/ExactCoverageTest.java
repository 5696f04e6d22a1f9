package io.cityops.jobs.coverage.geo;

import static io.cityops.jobs.coverage.geo.Squares.at;
import static io.cityops.jobs.coverage.geo.Squares.square;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cityops.jobs.coverage.geo.ExactCoverage.Circle;
import io.cityops.model.city.GeoPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact JTS coverage against areas computed by hand (zones of 10 × 10 km = 100 km²). */
class ExactCoverageTest {
    private static final List<GeoPoint> WEST = square(0, 0, 10);
    private static final List<GeoPoint> EAST = square(10, 0, 10);
    private static final double CIRCLE_R2 = Math.PI * 4; // r = 2 km: 12.566 km²

    @Test
    void aSquareOfTenKilometresHasAHundredSquareKilometres() {
        assertThat(ExactCoverage.areaKm2(WEST)).isCloseTo(100.0, within(0.01));
    }

    @Test
    void aZoneWithNoSensorsIsNotMonitoredAtAll() {
        assertThat(ExactCoverage.share(WEST, List.of())).isZero();
    }

    @Test
    void twoFootprintsOnTheSameSpotCountOnce() {
        Circle c = new Circle(at(5, 5), 2);
        assertThat(ExactCoverage.share(WEST, List.of(c, c)))
                .isCloseTo(CIRCLE_R2 / 100, within(1e-4));
    }

    @Test
    void overlappingFootprintsCountTheirLensOnce() {
        // Centres 2 km apart, r = 2: lens = 2r²·acos(d/2r) − (d/2)·√(4r² − d²) = 8π/3 − 2√3
        double lens = 8 * Math.PI / 3 - 2 * Math.sqrt(3); // 4.913 km²
        List<Circle> two = List.of(new Circle(at(4, 5), 2), new Circle(at(6, 5), 2));

        assertThat(ExactCoverage.share(WEST, two))
                .isCloseTo((2 * CIRCLE_R2 - lens) / 100, within(1e-4)); // 0.2022
    }

    @Test
    void aFootprintOnTheBorderIsSplitBetweenTheZones() {
        List<Circle> onBorder = List.of(new Circle(at(10, 5), 2));

        assertThat(ExactCoverage.share(WEST, onBorder))
                .isCloseTo(CIRCLE_R2 / 2 / 100, within(1e-4));
        assertThat(ExactCoverage.share(EAST, onBorder))
                .isCloseTo(CIRCLE_R2 / 2 / 100, within(1e-4));
    }

    @Test
    void aFootprintLargerThanTheZoneCoversAllOfIt() {
        assertThat(ExactCoverage.share(WEST, List.of(new Circle(at(5, 5), 8))))
                .isCloseTo(1.0, within(1e-9));
    }
}
