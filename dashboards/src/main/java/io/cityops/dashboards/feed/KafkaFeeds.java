package io.cityops.dashboards.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cityops.dashboards.alerts.AlertStore;
import io.cityops.dashboards.kpis.KpiStore;
import io.cityops.dashboards.sensors.SensorActivity;
import io.cityops.model.Domain;
import io.cityops.model.Topics;
import io.cityops.model.json.JsonCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the dashboard's stores from Kafka on one thread: {@code alerts} and {@code kpis} replayed
 * from the beginning (they are changelogs, so every server rebuilds the full state), {@code
 * readings.*} from the end (only "last seen" matters). No consumer group: nothing is committed.
 * Reads with {@code read_committed} because alerts are written transactionally.
 */
public final class KafkaFeeds implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaFeeds.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final AlertStore alerts;
    private final KpiStore kpis;
    private final SensorActivity activity;
    private final ObjectMapper json = new ObjectMapper();
    private final Thread thread;
    private volatile boolean running = true;

    public KafkaFeeds(String bootstrap, AlertStore alerts, KpiStore kpis, SensorActivity activity) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "dashboards");
        this.consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.alerts = alerts;
        this.kpis = kpis;
        this.activity = activity;
        this.thread = new Thread(this::run, "dashboards-kafka-feed");
        thread.setDaemon(true);
    }

    public KafkaFeeds start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            List<TopicPartition> replay = partitions(Set.of(Topics.ALERTS, Topics.KPIS));
            List<TopicPartition> tail = new ArrayList<>();
            for (Domain d : Domain.values()) {
                tail.addAll(partitions(Set.of(Topics.readings(d))));
            }
            List<TopicPartition> all = new ArrayList<>(replay);
            all.addAll(tail);
            consumer.assign(all);
            consumer.seekToBeginning(replay);
            consumer.seekToEnd(tail);
            LOG.info("dashboard feed reading {} partitions", all.size());
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    dispatch(r);
                }
            }
        } catch (WakeupException e) {
            // close() woke us up
        } catch (RuntimeException e) {
            LOG.error("dashboard feed stopped", e);
        } finally {
            consumer.close();
        }
    }

    private List<TopicPartition> partitions(Set<String> topics) {
        List<TopicPartition> out = new ArrayList<>();
        for (String t : topics) {
            var infos = consumer.partitionsFor(t, Duration.ofSeconds(30));
            if (infos != null) {
                infos.forEach(i -> out.add(new TopicPartition(t, i.partition())));
            }
        }
        return out;
    }

    private void dispatch(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return; // tombstone on a compacted topic
        }
        try {
            if (r.topic().equals(Topics.ALERTS)) {
                alerts.accept(JsonCodec.ALERT.decode(r.value()));
            } else if (r.topic().equals(Topics.KPIS)) {
                kpis.accept(r.key(), json.readTree(r.value()));
            } else {
                activity.seen(r.key(), JsonCodec.READING.decode(r.value()).ts());
            }
        } catch (Exception e) {
            LOG.warn(
                    "skipping undecodable record {}-{}@{}: {}",
                    r.topic(),
                    r.partition(),
                    r.offset(),
                    e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}
