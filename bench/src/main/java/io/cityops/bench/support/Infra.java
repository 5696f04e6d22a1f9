package io.cityops.bench.support;

import io.cityops.model.Domain;
import io.cityops.model.Topics;
import io.cityops.opscenter.embedded.EmbeddedKafka;
import io.cityops.opscenter.embedded.EmbeddedMqttBroker;
import io.cityops.opscenter.embedded.MqttBrokerTuning;
import io.cityops.opscenter.kafka.TopicProvisioner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The servers a stage benchmark runs against, each on free loopback ports in a fresh temporary
 * folder that is deleted afterwards: the all-in-one's embedded Kafka (with the platform's topics)
 * and, when asked, its embedded HiveMQ broker (open, no accounts: the bridge alone is measured).
 */
public final class Infra implements AutoCloseable {
    private final Path home;
    private final List<AutoCloseable> started = new ArrayList<>();
    private EmbeddedKafka kafka;
    private EmbeddedMqttBroker broker;
    private Admin admin;
    private String mosquittoUri;

    private Infra(Path home) {
        this.home = home;
    }

    public static Infra kafka(int partitions) throws Exception {
        Infra i = new Infra(Files.createTempDirectory("cityops-bench-"));
        try {
            i.kafka =
                    new EmbeddedKafka(i.home.resolve("kafka"), "127.0.0.1", freePort(), freePort());
            i.kafka.start();
            i.started.add(i.kafka);
            new TopicProvisioner(i.kafka.bootstrapServers(), partitions, (short) 1).ensureTopics();
            i.admin =
                    Admin.create(
                            Map.of(
                                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                    i.kafka.bootstrapServers()));
            i.started.add(i.admin);
        } catch (Exception e) {
            i.close();
            throw e;
        }
        return i;
    }

    /** Kafka plus an open embedded HiveMQ, tuned as the all-in-one is by default. */
    public static Infra kafkaAndBroker(int partitions) throws Exception {
        return kafkaAndBroker(partitions, MqttBrokerTuning.defaults());
    }

    /** Kafka plus an open embedded HiveMQ with the given queue persistence and window. */
    public static Infra kafkaAndBroker(int partitions, MqttBrokerTuning tuning) throws Exception {
        Infra i = kafka(partitions);
        try {
            i.broker =
                    new EmbeddedMqttBroker(
                            i.home.resolve("mqtt"),
                            "127.0.0.1",
                            freePort(),
                            1_000_000,
                            java.util.Optional.empty(),
                            tuning);
            i.broker.start();
            i.started.add(i.broker);
        } catch (Exception e) {
            i.close();
            throw e;
        }
        return i;
    }

    /**
     * Kafka plus a Mosquitto broker ({@code /usr/sbin/mosquitto}, Debian's package) as a child
     * process: open, no persistence, deep queues; the comparison broker for the MQTT hop.
     */
    public static Infra kafkaAndMosquitto(int partitions) throws Exception {
        Infra i = kafka(partitions);
        try {
            int port = freePort();
            Path conf = i.home.resolve("mosquitto.conf");
            Files.writeString(
                    conf,
                    String.join(
                            "\n",
                            "listener " + port + " 127.0.0.1",
                            "allow_anonymous true",
                            "persistence false",
                            "max_queued_messages 1000000",
                            "max_inflight_messages 0",
                            ""));
            Process p =
                    new ProcessBuilder("/usr/sbin/mosquitto", "-c", conf.toString())
                            .redirectErrorStream(true)
                            .redirectOutput(i.home.resolve("mosquitto.log").toFile())
                            .start();
            i.started.add(
                    () -> {
                        p.destroy();
                        p.waitFor();
                    });
            i.mosquittoUri = "tcp://127.0.0.1:" + port;
            long deadline = System.currentTimeMillis() + 10_000;
            while (!listening(port)) {
                if (!p.isAlive() || System.currentTimeMillis() > deadline) {
                    throw new IOException("mosquitto did not start; see " + i.home);
                }
                Thread.sleep(50);
            }
        } catch (Exception e) {
            i.close();
            throw e;
        }
        return i;
    }

    private static boolean listening(int port) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String bootstrap() {
        return kafka.bootstrapServers();
    }

    public String mqttUri() {
        return mosquittoUri != null ? mosquittoUri : broker.uri();
    }

    public Path home() {
        return home;
    }

    public Admin admin() {
        return admin;
    }

    /** Records in all {@code readings.<domain>} topics (sum of end offsets). */
    public long readingsInKafka() {
        return endOffsets(admin, readingTopics());
    }

    public static List<String> readingTopics() {
        return Stream.of(Domain.values()).map(Topics::readings).toList();
    }

    public static List<String> readingTopics(Domain... domains) {
        return Stream.of(domains).map(Topics::readings).toList();
    }

    /** Sum of the end offsets of the given topics. */
    public static long endOffsets(Admin admin, List<String> topics) {
        try {
            Map<TopicPartition, OffsetSpec> req = new java.util.HashMap<>();
            admin.describeTopics(topics)
                    .allTopicNames()
                    .get()
                    .forEach(
                            (name, d) ->
                                    d.partitions()
                                            .forEach(
                                                    p ->
                                                            req.put(
                                                                    new TopicPartition(
                                                                            name, p.partition()),
                                                                    OffsetSpec.latest())));
            long sum = 0;
            for (ListOffsetsResult.ListOffsetsResultInfo info :
                    admin.listOffsets(req).all().get().values()) {
                sum += info.offset();
            }
            return sum;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read Kafka end offsets", e);
        }
    }

    /** Sum of a consumer group's committed offsets on the given topics (0 where none). */
    public static long committed(Admin admin, String group, List<String> topics) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            long sum = 0;
            for (var e : offsets.entrySet()) {
                if (e.getValue() != null && topics.contains(e.getKey().topic())) {
                    sum += e.getValue().offset();
                }
            }
            return sum;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read committed offsets of " + group, e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (int k = started.size() - 1; k >= 0; k--) {
            try {
                started.get(k).close();
            } catch (Exception e) {
                System.err.println("[bench] could not stop " + started.get(k) + ": " + e);
            }
        }
        started.clear();
        deleteTree(home);
    }

    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp folder
        }
    }
}
