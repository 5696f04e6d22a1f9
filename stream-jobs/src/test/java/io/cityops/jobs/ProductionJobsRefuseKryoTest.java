package io.cityops.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.coverage.CoverageJob;
import io.cityops.jobs.coverage.CoverageJobConfig;
import io.cityops.jobs.detection.DetectionJob;
import io.cityops.jobs.detection.DetectionJobConfig;
import io.cityops.jobs.history.HistoryJob;
import io.cityops.jobs.history.HistoryJobConfig;
import io.cityops.model.config.Settings;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/**
 * Each job's production entry point ({@code build}, which {@code main} and the all-in-one use)
 * switches Kryo off itself ({@code pipeline.generic-types: false}), so a job jar submitted to a
 * cluster with default configuration refuses a generic type as the tests do, instead of silently
 * serializing it with Kryo. The environments here start with generic types allowed.
 */
class ProductionJobsRefuseKryoTest {
    private static final Settings DEFAULTS = Settings.of(Map.of());

    private static StreamExecutionEnvironment clusterDefaults() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isFalse();
        return env;
    }

    @Test
    void theDetectionJobRefusesKryo() {
        StreamExecutionEnvironment env = clusterDefaults();
        DetectionJob.build(env, DetectionJobConfig.from(DEFAULTS));
        assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
    }

    @Test
    void theCoverageJobRefusesKryo() {
        StreamExecutionEnvironment env = clusterDefaults();
        CoverageJob.build(env, CoverageJobConfig.from(DEFAULTS));
        assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
    }

    @Test
    void theHistoryJobRefusesKryo() {
        StreamExecutionEnvironment env = clusterDefaults();
        // a URL is all the configuration needs: nothing connects while the graph is built
        HistoryJob.build(
                env,
                HistoryJobConfig.from(Settings.of(Map.of("influx.url", "http://127.0.0.1:1"))));
        assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
    }
}
