package io.cityops.jobs.detection;

import static io.cityops.jobs.testing.RiverFixtures.minute;
import static io.cityops.jobs.testing.RiverFixtures.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.registry.RegistryReplay;
import io.cityops.jobs.testing.FlinkCluster;
import io.cityops.jobs.testing.JsonLinesSink;
import io.cityops.jobs.testing.ScriptedReadings;
import io.cityops.model.Aggregate;
import io.cityops.model.Reading;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorRegistration;
import io.cityops.model.config.Settings;
import io.cityops.model.json.JsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sensor of the sample province through the whole detection job at parallelism 2, with object
 * reuse on as the job runs: the per-sensor stages take the enrichment's output without a shuffle
 * ({@link ReadingsBySensor}), which is only right if each reading reaches the subtask owning its
 * sensor's key group. A reading in the wrong subtask fails the job (the keyed state refuses a key
 * outside the subtask's key groups); one dropped or counted twice shows in the exact counts below.
 */
class SensorPartitioningIT {
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkCluster.withParallelismTwo();

    private static final int MINUTES = 3;

    @Test
    void everySensorsReadingsAreAggregatedOnceInTheSubtaskOfItsKey(@TempDir Path tmp)
            throws Exception {
        CityModel city = CityModelLoader.sample();
        List<Sensor> sensors = List.copyOf(city.sensors());
        // The premise: the sensors' keys fall in both subtasks, at the job's default max
        // parallelism for parallelism 2.
        int maxParallelism =
                KeyGroupRangeAssignment.computeDefaultMaxParallelism(FlinkCluster.PARALLELISM);
        assertThat(
                        sensors.stream()
                                .map(
                                        s ->
                                                KeyGroupRangeAssignment.assignKeyToParallelOperator(
                                                        s.id(),
                                                        maxParallelism,
                                                        FlinkCluster.PARALLELISM))
                                .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(0, 1);

        List<RawReading> script = new ArrayList<>();
        Map<String, Double> firstMinute = new HashMap<>();
        for (int m = 0; m < MINUTES; m++) {
            for (int i = 0; i < sensors.size(); i++) {
                Sensor s = sensors.get(i);
                Map<String, Double> metrics = metricsOf(s, i, m);
                if (m == 0) {
                    firstMinute.put(s.id(), metrics.values().iterator().next());
                }
                script.add(
                        raw(
                                new Reading(
                                        s.id(),
                                        s.domain(),
                                        minute(m + 0.5),
                                        Reading.NO_SEQ,
                                        metrics)));
            }
        }
        Path aggregatesDir = Files.createDirectory(tmp.resolve("aggregates"));
        Path lateDir = Files.createDirectory(tmp.resolve("late"));
        Path rejectedDir = Files.createDirectory(tmp.resolve("rejected"));

        StreamExecutionEnvironment env = FlinkCluster.environment();
        env.configure(DetectionJob.runtimeOptions()); // as the job runs: object reuse, no Kryo
        DetectionJob.defineWorkflow(
                env,
                ScriptedReadings.source(script),
                RegistryReplay.of(sensors.stream().map(SensorRegistration::of).toList()),
                new DetectionSinks(
                        new JsonLinesSink<>(
                                Files.createDirectory(tmp.resolve("signals")), JsonCodec.SIGNAL),
                        new JsonLinesSink<>(aggregatesDir, JsonCodec.AGGREGATE),
                        new JsonLinesSink<>(lateDir, LateReading.JSON),
                        new JsonLinesSink<>(rejectedDir, JsonCodec.REJECTED)),
                city,
                DetectionJobConfig.from(Settings.of(Map.of())));
        env.execute("sensor-partitioning-it");

        assertThat(JsonLinesSink.read(lateDir, LateReading.JSON)).allMatch(List::isEmpty);
        assertThat(JsonLinesSink.read(rejectedDir, JsonCodec.REJECTED)).allMatch(List::isEmpty);
        List<Aggregate> aggregates =
                JsonLinesSink.read(aggregatesDir, JsonCodec.AGGREGATE).stream()
                        .flatMap(List::stream)
                        .toList();
        Set<String> ids = sensors.stream().map(Sensor::id).collect(Collectors.toSet());

        // One 1-minute aggregate per sensor and minute, of its one reading.
        List<Aggregate> sensorMinutes =
                aggregates.stream()
                        .filter(a -> a.kind().equals("sensor") && a.window().equals("1m"))
                        .toList();
        assertThat(sensorMinutes).hasSize(sensors.size() * MINUTES);
        assertThat(sensorMinutes).allMatch(a -> a.values().get("count") == 1.0);
        for (int m = 0; m < MINUTES; m++) {
            long start = minute(m);
            assertThat(sensorMinutes)
                    .filteredOn(a -> a.windowStart() == start)
                    .extracting(Aggregate::subjectId)
                    .containsExactlyInAnyOrderElementsOf(ids);
        }
        assertThat(sensorMinutes)
                .filteredOn(a -> a.windowStart() == minute(0))
                .allSatisfy(
                        a -> assertThat(a.values()).containsValue(firstMinute.get(a.subjectId())));

        // One 1-hour aggregate per sensor, of all its readings.
        assertThat(aggregates)
                .filteredOn(a -> a.kind().equals("sensor") && a.window().equals("1h"))
                .extracting(Aggregate::subjectId, a -> a.values().get("count"))
                .containsExactlyInAnyOrderElementsOf(
                        ids.stream().map(id -> tuple(id, (double) MINUTES)).toList());

        // The district windows (a shuffle by district) count every reading once too.
        assertThat(
                        aggregates.stream()
                                .filter(a -> a.kind().equals("district") && a.window().equals("1h"))
                                .mapToDouble(a -> a.values().get("count"))
                                .sum())
                .isEqualTo((double) sensors.size() * MINUTES);
    }

    /** Plausible metrics of a sensor's kind, varying by sensor and minute. */
    private static Map<String, Double> metricsOf(Sensor s, int i, int minute) {
        double v = i % 7 + minute;
        return switch (s.kind()) {
            case TRAFFIC_DETECTOR ->
                    Map.of("speedKmh", 40.0 + v, "occupancy", 10.0, "vehicleCount", 5.0);
            case FOREST_STATION -> Map.of("temperatureC", 25.0 + v, "humidityPct", 70.0);
            case AIR_QUALITY_STATION -> Map.of("pm25", 20.0 + v);
            case RAIN_GAUGE -> Map.of("rainfallMm", 0.1 * v);
            case RIVER_GAUGE -> Map.of("waterLevelCm", 100.0 + v);
            case CUSTOMER_METER, TRANSFORMER_METER ->
                    Map.of("voltageV", 225.0 + v, "energyWh", 1_000.0 * (minute + 1));
        };
    }
}
