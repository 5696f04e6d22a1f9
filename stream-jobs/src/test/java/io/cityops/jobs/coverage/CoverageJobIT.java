package io.cityops.jobs.coverage;

import static io.cityops.jobs.coverage.geo.SquaresForIt.square;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.coverage.geo.SquaresForIt;
import io.cityops.jobs.testing.FlinkCluster;
import io.cityops.jobs.testing.JsonLinesSink;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.District;
import io.cityops.model.city.GeoPoint;
import io.cityops.model.city.Province;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import io.cityops.model.city.Zone;
import io.cityops.model.city.ZoneKind;
import io.cityops.model.config.Settings;
import io.cityops.model.json.JsonCodec;
import io.cityops.model.kpi.KpiKind;
import io.cityops.model.kpi.KpiScope;
import io.cityops.model.kpi.KpiTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coverage topology on a MiniCluster at parallelism 2. Two forest ridges of 4 × 4 km, each
 * fully covered by its three stations (3 km footprints from the ridge's centre reach its corners at
 * 2.83 km), so the province is 100 % monitored; ridge A's stations stop for 14 s, twice their
 * silence window (heartbeat 2 s × 3), so the province drops to 50 % — below its 70 % target — and
 * returns to 100 % when they report again.
 */
class CoverageJobIT {
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkCluster.withParallelismTwo();

    private static final List<String> RIDGE_A = List.of("fs-a1", "fs-a2", "fs-a3");
    private static final List<String> RIDGE_B = List.of("fs-b1", "fs-b2", "fs-b3");
    private static final String PROVINCE_FOREST = "forest.monitored:province:12";

    static CityModel twoRidges() {
        List<Sensor> sensors = new ArrayList<>();
        for (String id : RIDGE_A) {
            sensors.add(station(id, "ridge-a", SquaresForIt.at(2, 2)));
        }
        for (String id : RIDGE_B) {
            sensors.add(station(id, "ridge-b", SquaresForIt.at(12, 2)));
        }
        return new CityModel(
                new Province("12", "Lai Châu", "Lai Chau"),
                List.of(
                        new District(
                                "107", "Huyện Mường Tè", "Huyen Muong Te", SquaresForIt.at(7, 2))),
                List.of(
                        new Zone(
                                "ridge-a",
                                "Ridge A",
                                ZoneKind.FOREST,
                                "107",
                                SquaresForIt.at(2, 2),
                                square(0, 0, 4)),
                        new Zone(
                                "ridge-b",
                                "Ridge B",
                                ZoneKind.FOREST,
                                "107",
                                SquaresForIt.at(12, 2),
                                square(10, 0, 4))),
                List.of(),
                List.of(),
                List.of(),
                sensors,
                List.of(),
                List.of(new KpiTarget(KpiKind.FOREST_MONITORED, KpiScope.PROVINCE, 2025, 70)));
    }

    private static Sensor station(String id, String zone, GeoPoint at) {
        return new Sensor(id, SensorKind.FOREST_STATION, "107", zone, at, 2);
    }

    @Test
    void ridgeGoingSilentHalvesTheForestKpiRaisesOneShortfallAndItsReturnClearsIt(@TempDir Path tmp)
            throws Exception {
        Path kpisDir = Files.createDirectory(tmp.resolve("kpis"));
        Path signalsDir = Files.createDirectory(tmp.resolve("signals"));
        List<String> all = new ArrayList<>(RIDGE_A);
        all.addAll(RIDGE_B);
        CoverageJobConfig config =
                CoverageJobConfig.from(
                        Settings.of(
                                Map.of(
                                        CoverageParams.WARM_UP, "5s",
                                        CoverageParams.EMIT_INTERVAL, "3s",
                                        CoverageParams.REQUIRED_DOMAINS, "forest")));

        StreamExecutionEnvironment env = FlinkCluster.environment();
        CoverageJob.defineWorkflow(
                env,
                PacedForestReadings.source(all, RIDGE_B, 10_000, 24_000, 36_000),
                new JsonLinesSink<>(kpisDir, JsonCodec.KPI),
                new JsonLinesSink<>(signalsDir, JsonCodec.SIGNAL),
                twoRidges(),
                config);
        env.execute("coverage-it");

        List<Double> forest =
                flatten(JsonLinesSink.read(kpisDir, JsonCodec.KPI)).stream()
                        .filter(k -> k.id().equals(PROVINCE_FOREST))
                        .map(k -> Math.round(k.value() * 10) / 10.0)
                        .toList();
        // 50 % while only one ridge has reported at the start, then full, the gap, full again.
        assertThat(forest).containsSubsequence(100.0, 50.0, 100.0).last().isEqualTo(100.0);
        assertThat(flatten(JsonLinesSink.read(signalsDir, JsonCodec.SIGNAL)))
                .extracting(Signal::type, Signal::subjectId, Signal::action)
                .containsExactlyInAnyOrder(
                        tuple("kpi.below-target", PROVINCE_FOREST, SignalAction.RAISE),
                        tuple("kpi.below-target", PROVINCE_FOREST, SignalAction.CLEAR),
                        tuple("kpi.sudden-drop", "ridge-a", SignalAction.RAISE),
                        tuple("kpi.sudden-drop", "ridge-a", SignalAction.CLEAR));
    }

    private static <T> List<T> flatten(Collection<List<T>> perWriter) {
        return perWriter.stream().flatMap(List::stream).toList();
    }
}
