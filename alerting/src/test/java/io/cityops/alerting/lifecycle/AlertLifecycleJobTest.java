package io.cityops.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.config.Settings;
import java.util.Map;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** The production wiring, built but not run (the end-to-end test in ops-center runs it). */
class AlertLifecycleJobTest {
    @Test
    void buildWiresKafkaThroughTheLifecycleWithExactlyOnceCheckpoints() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        AlertLifecycleConfig config =
                AlertLifecycleConfig.from(Settings.of(Map.of("flink.checkpoint.interval", "3s")));

        AlertLifecycleJob.build(env, config);

        assertThat(env.getCheckpointConfig().getCheckpointingConsistencyMode())
                .isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(3_000);
        StreamGraph graph = env.getStreamGraph();
        assertThat(graph.getStreamNodes())
                .extracting(StreamNode::getTransformationUID)
                .contains(
                        "signals-source",
                        "signal-decoder",
                        "commands-source",
                        "command-decoder",
                        "alert-lifecycle");
        assertThat(graph.getStreamNodes())
                .extracting(StreamNode::getOperatorName)
                .contains("Decode signals", "Decode alert commands", "Alert lifecycle");
    }
}
