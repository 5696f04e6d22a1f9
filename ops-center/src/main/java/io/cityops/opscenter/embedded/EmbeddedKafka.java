package io.cityops.opscenter.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (KRaft mode: broker and controller in one process) inside the all-in-one JVM,
 * on loopback, with its log under a working directory so topics survive a restart.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final Path home;
    private final String host;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public EmbeddedKafka(Path home, String host, int port, int controllerPort) {
        this.home = home;
        this.host = host;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public void start() throws IOException {
        Path logDir = Files.createDirectories(home.resolve("kraft-logs"));
        Properties props = properties(logDir);
        Path configFile = home.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(configFile)) {
            props.store(out, "written by CityOps ops-center; regenerated at every start");
        }
        format(configFile, clusterId());
        server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        LOG.info("Kafka (KRaft, single node) listening on {}", bootstrapServers());
    }

    private Properties properties(Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        p.put(
                "listeners",
                "PLAINTEXT://"
                        + host
                        + ":"
                        + port
                        + ",CONTROLLER://"
                        + host
                        + ":"
                        + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", "2");
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Flink's exactly-once sinks hold transactions open across a checkpoint interval.
        p.put("transaction.max.timeout.ms", "3600000");
        p.put("log.retention.hours", "72");
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        return p;
    }

    /** The cluster id is kept beside the log so a restart reuses the formatted storage. */
    private String clusterId() throws IOException {
        Path idFile = home.resolve("cluster.id");
        if (Files.exists(idFile)) {
            return Files.readString(idFile).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(idFile, id);
        return id;
    }

    private static void format(Path configFile, String clusterId) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int rc;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            rc =
                    StorageTool.execute(
                            new String[] {
                                "format",
                                "-t",
                                clusterId,
                                "-c",
                                configFile.toString(),
                                "--ignore-formatted"
                            },
                            out);
        }
        if (rc != 0) {
            throw new IllegalStateException(
                    "formatting Kafka storage failed: " + buffer.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
            LOG.info("Kafka stopped");
        }
    }
}
