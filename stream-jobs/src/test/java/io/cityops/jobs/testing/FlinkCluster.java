package io.cityops.jobs.testing;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The one MiniCluster shape of this module's ITs (STYLE.md #8): one task manager, 2 slots. */
public final class FlinkCluster {
    public static final int PARALLELISM = 2;

    private FlinkCluster() {}

    /** Register as a static {@code @RegisterExtension} field; one cluster per test class. */
    public static MiniClusterExtension withParallelismTwo() {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(PARALLELISM)
                        .build());
    }

    /**
     * The test environment of the running cluster, at parallelism 2, with Kryo switched off so a
     * type that would fall back to generic serialization fails the job graph (STYLE.md #10).
     */
    public static StreamExecutionEnvironment environment() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.configure(withoutGenericTypes());
        env.setParallelism(PARALLELISM);
        return env;
    }

    public static Configuration withoutGenericTypes() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return conf;
    }
}
