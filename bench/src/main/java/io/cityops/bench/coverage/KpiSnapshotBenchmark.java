package io.cityops.bench.coverage;

import io.cityops.jobs.coverage.geo.ForestCoverage;
import io.cityops.jobs.coverage.geo.HexCells;
import io.cityops.jobs.coverage.kpi.KpiBoard;
import io.cityops.model.Domain;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.Sensor;
import io.cityops.model.kpi.Kpi;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the coverage operator does per sensor status change on the sample province (333 sensors, 16
 * forest zones at resolution 9): one grid update plus every KPI recomputed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class KpiSnapshotBenchmark {
    private KpiBoard board;
    private List<String> stations;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        CityModel city = CityModelLoader.sample();
        board =
                new KpiBoard(
                        city,
                        ForestCoverage.of(city, new HexCells(9)),
                        EnumSet.allOf(Domain.class));
        city.sensors().forEach(s -> board.setReporting(s.id(), true));
        stations = city.sensors().stream().map(Sensor::id).sorted().toList();
    }

    @Benchmark
    public List<Kpi> statusChangeOnTheSampleProvince() {
        String id = stations.get(next++ % stations.size());
        board.setReporting(id, next % 2 == 0);
        return board.snapshot(next);
    }
}
