package io.cityops.jobs.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.testing.FlinkCluster;
import io.cityops.model.config.Settings;
import java.util.Map;
import org.apache.flink.core.execution.CheckpointingMode;
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
    void checkpointsAreExactlyOnceAtTheConfiguredInterval() {
        assertThat(graph.getCheckpointConfig().getCheckpointInterval()).isEqualTo(10_000);
        assertThat(graph.getCheckpointConfig().getCheckpointingConsistencyMode())
                .isEqualTo(CheckpointingMode.EXACTLY_ONCE);
    }
}
