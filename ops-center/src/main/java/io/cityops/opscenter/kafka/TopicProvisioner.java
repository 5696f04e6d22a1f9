package io.cityops.opscenter.kafka;

import io.cityops.model.Domain;
import io.cityops.model.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the platform's Kafka topics (ARCHITECTURE.md, Contracts) when they are missing: the
 * compacted changelogs ({@code registry}, {@code alerts}) with compaction, the rest with time
 * retention. Existing topics are left as they are.
 */
public final class TopicProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final String bootstrap;
    private final int partitions;
    private final short replication;

    public TopicProvisioner(String bootstrap, int partitions, short replication) {
        this.bootstrap = bootstrap;
        this.partitions = partitions;
        this.replication = replication;
    }

    /** The topics the platform needs, with their settings. */
    public List<NewTopic> topics() {
        List<NewTopic> topics = new ArrayList<>();
        for (Domain d : Domain.values()) {
            topics.add(retained(Topics.readings(d), partitions, "604800000"));
        }
        topics.add(retained(Topics.READINGS_REJECTED, 1, "2592000000"));
        topics.add(retained(Topics.READINGS_LATE, 1, "2592000000"));
        topics.add(retained(Topics.SIGNALS, partitions, "2592000000"));
        topics.add(retained(Topics.ALERT_COMMANDS, partitions, "2592000000"));
        topics.add(retained(Topics.KPIS, 1, "2592000000"));
        topics.add(retained(Topics.AGGREGATES, partitions, "2592000000"));
        topics.add(compacted(Topics.REGISTRY, 1));
        topics.add(compacted(Topics.ALERTS, partitions));
        return topics;
    }

    private NewTopic retained(String name, int parts, String retentionMs) {
        return new NewTopic(name, parts, replication)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, retentionMs));
    }

    private NewTopic compacted(String name, int parts) {
        return new NewTopic(name, parts, replication)
                .configs(
                        Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** Creates what is missing; returns the names of the topics it created. */
    public List<String> ensureTopics() throws InterruptedException, ExecutionException {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                                60_000))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing =
                    topics().stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new ExecutionException("creating Kafka topics timed out", e);
                }
            }
            List<String> names = missing.stream().map(NewTopic::name).toList();
            if (!names.isEmpty()) {
                LOG.info("Created Kafka topics {}", names);
            }
            return names;
        }
    }
}
