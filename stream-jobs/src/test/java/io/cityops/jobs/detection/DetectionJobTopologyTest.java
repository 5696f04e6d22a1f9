package io.cityops.jobs.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.testing.FlinkCluster;
import io.cityops.model.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.runtime.jobgraph.JobEdge;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** The production job graph, built with its Kafka connectors but never run (no broker needed). */
class DetectionJobTopologyTest {
    private final StreamGraph graph = productionGraph();

    private static StreamGraph productionGraph() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        FlinkCluster.withoutGenericTypes());
        DetectionJob.build(env, DetectionJobConfig.from(Settings.of(Map.of())));
        return env.getStreamGraph();
    }

    @Test
    void everyOperatorHasAStableUidAndTheGraphReadsLikeTheDesign() {
        assertThat(graph.getStreamNodes())
                .allSatisfy(n -> assertThat(n.getTransformationUID()).isNotBlank());
        assertThat(graph.getStreamNodes())
                .extracting(StreamNode::getOperatorName)
                .anySatisfy(name -> assertThat(name).contains("decode readings"))
                .anySatisfy(name -> assertThat(name).contains("enrich with sensor registry"))
                .anySatisfy(name -> assertThat(name).contains("sensor health"))
                .anySatisfy(name -> assertThat(name).contains("sensor aggregates 1m"))
                .anySatisfy(name -> assertThat(name).contains("district aggregates 1h"))
                .anySatisfy(name -> assertThat(name).contains("river station alarms"))
                .anySatisfy(name -> assertThat(name).contains("signals sink"))
                .anySatisfy(name -> assertThat(name).contains("aggregates sink"))
                .anySatisfy(name -> assertThat(name).contains("late readings sink"))
                .anySatisfy(name -> assertThat(name).contains("rejected readings sink"));
    }

    @Test
    void theRegistryIsReadByOneReaderAndEveryReadingsTopicIsConsumed() {
        assertThat(graph.getStreamNodes())
                .filteredOn(n -> n.getOperatorName().contains("registry"))
                .filteredOn(n -> n.getOperatorName().startsWith("Source"))
                .singleElement()
                .satisfies(n -> assertThat(n.getParallelism()).isEqualTo(1));
        assertThat(io.cityops.jobs.detection.kafka.DetectionConnectors.INPUT_DOMAINS)
                .containsExactlyInAnyOrder(io.cityops.model.Domain.values());
    }

    @Test
    void theJobRunsWithObjectReuseAndWithoutKryo() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        DetectionJob.build(env, DetectionJobConfig.from(Settings.of(Map.of())));
        assertThat(env.getConfig().isObjectReuseEnabled()).isTrue();
        assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
    }

    /**
     * The per-sensor stages take the enrichment's output as it is partitioned (reinterpreted as
     * keyed by sensor id, see {@link ReadingsBySensor}): they run in the enrichment's task, or, for
     * sensor health with its second (registry) input, behind a forward edge, never behind a hash
     * shuffle.
     */
    @Test
    void thePerSensorStagesAreNotShuffledAgainAfterTheEnrichment() {
        JobGraph job = jobGraphAtParallelismTwo();
        JobVertex enrichment = vertexOf(job, "enrich with sensor registry");

        for (String perSensor :
                List.of(
                        "sensor aggregates 1m",
                        "sensor aggregates 1h",
                        "traffic detector minutes",
                        "air hourly means per station",
                        "rain accumulation alarms",
                        "power meter moves")) {
            assertThat(vertexOf(job, perSensor)).as(perSensor).isSameAs(enrichment);
        }
        assertThat(vertexOf(job, "sensor health").getInputs())
                .filteredOn(e -> e.getSource().getProducer() == enrichment)
                .singleElement()
                .satisfies(e -> assertThat(e.getShipStrategyName()).isEqualTo("FORWARD"));
    }

    /**
     * Operators keyed alike share one shuffle ({@link SharedKeyBy}): each group runs in one task
     * whose only data input is one hash exchange.
     */
    @Test
    void operatorsKeyedAlikeShareOneShuffle() {
        JobGraph job = jobGraphAtParallelismTwo();
        for (List<String> group :
                List.of(
                        List.of("district aggregates 1m", "district aggregates 1h"),
                        List.of("forest fire detection", "forest fire danger (Nesterov)"),
                        List.of(
                                "power transformer outages",
                                "power voltage band",
                                "power energy balance"))) {
            JobVertex task = vertexOf(job, group.get(0));
            assertThat(group).allSatisfy(op -> assertThat(vertexOf(job, op)).isSameAs(task));
            assertThat(task.getInputs())
                    .as(group.toString())
                    .extracting(JobEdge::getShipStrategyName)
                    .containsExactly("HASH");
        }
    }

    private static JobGraph jobGraphAtParallelismTwo() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        env.setParallelism(2);
        DetectionJob.build(env, DetectionJobConfig.from(Settings.of(Map.of())));
        return env.getStreamGraph().getJobGraph();
    }

    /** The task that runs {@code operator} (alone or chained with others). */
    private static JobVertex vertexOf(JobGraph job, String operator) {
        List<JobVertex> found = new ArrayList<>();
        for (JobVertex v : job.getVertices()) {
            if (v.getName().contains(operator)) {
                found.add(v);
            }
        }
        assertThat(found).as(operator).hasSize(1);
        return found.get(0);
    }

    @Test
    void checkpointsAreExactlyOnceAtTheConfiguredInterval() {
        assertThat(graph.getCheckpointConfig().getCheckpointInterval()).isEqualTo(10_000);
        assertThat(graph.getCheckpointConfig().getCheckpointingConsistencyMode())
                .isEqualTo(CheckpointingMode.EXACTLY_ONCE);
    }
}
