package io.cityops.bench.coverage;

import io.cityops.jobs.coverage.geo.CoverageGrid;
import io.cityops.jobs.coverage.geo.ExactCoverage;
import io.cityops.jobs.coverage.geo.HexCells;
import io.cityops.model.city.GeoPoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one coverage update — a station going silent and coming back, then reading the zone's
 * share — on the incremental H3 grid, against the number of stations in a 40 × 40 km forest and the
 * grid's resolution (cells per 3 km footprint: ~38 at 8, ~270 at 9, ~1,900 at 10). {@link
 * #exactRecompute} is what the grid saves: the exact JTS union redone for the same change.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CoverageUpdateBenchmark {
    private static final double SIDE_KM = 40;
    private static final double RADIUS_KM = 3;

    @Param({"100", "1000"})
    public int stations;

    @Param({"8", "9", "10"})
    public int resolution;

    private CoverageGrid grid;
    private List<GeoPoint> positions;
    private int next;

    /** Zone cells in the grid, for the results table. */
    public int zoneCells;

    @Setup(Level.Trial)
    public void build() {
        HexCells cells = new HexCells(resolution);
        positions = SyntheticForest.stations(stations, SIDE_KM);
        Map<String, long[]> footprints = new LinkedHashMap<>();
        for (int i = 0; i < stations; i++) {
            footprints.put("fs-" + i, cells.circle(positions.get(i), RADIUS_KM));
        }
        grid =
                new CoverageGrid(
                        Map.of("forest", cells.polygon(SyntheticForest.square(SIDE_KM))),
                        footprints,
                        cells::areaM2);
        footprints.keySet().forEach(id -> grid.setReporting(id, true));
        zoneCells = grid.cellCount();
        System.out.printf(
                "%n[grid] stations=%d resolution=%d zoneCells=%d footprintCells=%d%n",
                stations, resolution, zoneCells, grid.footprintCells("fs-0"));
    }

    /** Two updates (silent, back) and one read: halve the score for one update. */
    @Benchmark
    public double silenceAndReturn() {
        String id = "fs-" + (next++ % stations);
        grid.setReporting(id, false);
        grid.setReporting(id, true);
        return grid.share("forest");
    }

    /** The same change without a grid: the union of every other footprint, exactly. */
    @Benchmark
    @Fork(1)
    @Measurement(iterations = 2, time = 2)
    public double exactRecompute() {
        if (resolution != 9) {
            return 0; // independent of the grid: measured once, in the resolution-9 rows
        }
        int skip = next++ % stations;
        List<ExactCoverage.Circle> circles =
                java.util.stream.IntStream.range(0, stations)
                        .filter(i -> i != skip)
                        .mapToObj(i -> new ExactCoverage.Circle(positions.get(i), RADIUS_KM))
                        .toList();
        return ExactCoverage.share(SyntheticForest.square(SIDE_KM), circles);
    }
}
