package io.cityops.jobs.coverage.geo;

import static io.cityops.jobs.coverage.geo.Squares.at;
import static io.cityops.jobs.coverage.geo.Squares.square;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The incremental H3 grid on the hand-computed cases of {@link ExactCoverageTest}, at the job's
 * default resolution 9. Shapes of ~10 km² are approximated by ~120 cells, so each expectation holds
 * within 0.5 percentage point of the 100 km² zone (measured error ≤ 0.3).
 */
class CoverageGridTest {
    private static final HexCells CELLS = new HexCells(9);
    private static final double CIRCLE_R2 = Math.PI * 4;
    private static final double TOLERANCE = 0.005;

    private static CoverageGrid grid(Map<String, long[]> footprints) {
        return new CoverageGrid(
                Map.of(
                        "west", CELLS.polygon(square(0, 0, 10)),
                        "east", CELLS.polygon(square(10, 0, 10))),
                footprints,
                CELLS::areaM2);
    }

    @Test
    void zonesStartUnmonitoredAndAZoneWithoutSensorsStaysSo() {
        CoverageGrid g = grid(Map.of("fs-1", CELLS.circle(at(5, 5), 2)));
        assertThat(g.share("west")).isZero();

        g.setReporting("fs-1", true);

        assertThat(g.share("east")).isZero();
    }

    @Test
    void overlappingFootprintsCountTheirLensOnceAndSilenceRemovesOnlyTheirOwnCells() {
        double lens = 8 * Math.PI / 3 - 2 * Math.sqrt(3);
        CoverageGrid g =
                grid(
                        Map.of(
                                "fs-1", CELLS.circle(at(4, 5), 2),
                                "fs-2", CELLS.circle(at(6, 5), 2)));
        g.setReporting("fs-1", true);
        g.setReporting("fs-2", true);
        assertThat(g.share("west")).isCloseTo((2 * CIRCLE_R2 - lens) / 100, within(TOLERANCE));

        assertThat(g.setReporting("fs-1", false)).containsExactly("west");

        assertThat(g.share("west")).isCloseTo(CIRCLE_R2 / 100, within(TOLERANCE));
    }

    @Test
    void aFootprintOnTheBorderIsSplitBetweenTheZones() {
        CoverageGrid g = grid(Map.of("fs-1", CELLS.circle(at(10, 5), 2)));

        assertThat(g.setReporting("fs-1", true)).containsExactlyInAnyOrder("west", "east");

        assertThat(g.share("west")).isCloseTo(CIRCLE_R2 / 2 / 100, within(TOLERANCE));
        assertThat(g.share("east")).isCloseTo(CIRCLE_R2 / 2 / 100, within(TOLERANCE));
    }

    @Test
    void aRepeatedStatusChangesNothing() {
        CoverageGrid g = grid(Map.of("fs-1", CELLS.circle(at(5, 5), 2)));
        g.setReporting("fs-1", true);
        double once = g.share("west");

        assertThat(g.setReporting("fs-1", true)).isEmpty();
        assertThat(g.share("west")).isEqualTo(once);
        g.setReporting("fs-1", false);
        assertThat(g.setReporting("fs-1", false)).isEmpty();
        assertThat(g.share("west")).isZero();
    }
}
