package io.cityops.opscenter.flink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flink MiniCluster inside the all-in-one JVM, with its web UI on loopback, running the
 * platform's jobs exactly as a real cluster would run them from their job jars.
 */
public final class FlinkRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlinkRuntime.class);

    private final Configuration config;
    private final List<JobID> jobs = new ArrayList<>();
    private MiniCluster cluster;

    /**
     * @param webPort port of the Flink web UI and REST API; 0 picks a free one
     * @param slots task slots, enough for every job's parallelism
     */
    public FlinkRuntime(Path workDir, String bindAddress, int webPort, int slots) {
        config = new Configuration();
        config.set(RestOptions.BIND_ADDRESS, bindAddress);
        config.set(RestOptions.ADDRESS, bindAddress);
        config.set(RestOptions.PORT, webPort);
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(128));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(64));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(64));
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        config.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                workDir.resolve("checkpoints").toAbsolutePath().toUri().toString());
    }

    public void start() throws Exception {
        MiniClusterConfiguration mcc =
                new MiniClusterConfiguration.Builder()
                        .setConfiguration(config)
                        .setNumTaskManagers(1)
                        .setNumSlotsPerTaskManager(config.get(TaskManagerOptions.NUM_TASK_SLOTS))
                        .build();
        cluster = new MiniCluster(mcc);
        cluster.start();
        LOG.info("Flink MiniCluster started; web UI at {}", cluster.getRestAddress().get());
    }

    /** An environment whose job graph this runtime will run; jobs add themselves to it. */
    public StreamExecutionEnvironment newEnvironment(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        return env;
    }

    /** Builds a job into a fresh environment and submits it; returns once it is accepted. */
    public JobID submit(String name, int parallelism, Consumer<StreamExecutionEnvironment> job)
            throws Exception {
        StreamExecutionEnvironment env = newEnvironment(parallelism);
        job.accept(env);
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(name);
        JobID id = cluster.submitJob(graph).get(60, TimeUnit.SECONDS).getJobID();
        jobs.add(id);
        LOG.info("Flink job '{}' submitted ({})", name, id);
        return id;
    }

    public String webUrl() throws Exception {
        return cluster.getRestAddress().get().toString();
    }

    public MiniCluster cluster() {
        return cluster;
    }

    @Override
    public void close() throws Exception {
        if (cluster != null) {
            for (JobID id : jobs) {
                try {
                    cluster.cancelJob(id).get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    LOG.warn("Flink job {} did not cancel cleanly: {}", id, e.toString());
                }
            }
            cluster.closeAsync().get(60, TimeUnit.SECONDS);
            cluster = null;
            LOG.info("Flink MiniCluster stopped");
        }
    }
}
