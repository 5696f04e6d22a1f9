package io.cityops.dashboards.feed;

import io.cityops.model.Domain;
import io.cityops.model.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the dashboard's stores from Kafka on one thread: {@code alerts} and {@code kpis} replayed
 * from the beginning (they are changelogs, so every server rebuilds the full state), {@code
 * aggregates} from a look-back ({@code dashboards.aggregates.replay}: the latest hourly and daily
 * summaries, not 30 days of minutes), {@code readings.*} from the end (only "last seen" matters).
 * No consumer group: nothing is committed. Reads with {@code read_committed} because alerts are
 * written transactionally.
 */
public final class KafkaFeeds implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaFeeds.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final FeedRouter router;
    private final Duration aggregatesReplay;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;

    public KafkaFeeds(String bootstrap, FeedRouter router, Duration aggregatesReplay, Clock clock) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "dashboards");
        this.consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.router = router;
        this.aggregatesReplay = aggregatesReplay;
        this.clock = clock;
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
            List<TopicPartition> recent = partitions(Set.of(Topics.AGGREGATES));
            List<TopicPartition> tail = new ArrayList<>();
            for (Domain d : Domain.values()) {
                tail.addAll(partitions(Set.of(Topics.readings(d))));
            }
            List<TopicPartition> all = new ArrayList<>(replay);
            all.addAll(recent);
            all.addAll(tail);
            consumer.assign(all);
            consumer.seekToBeginning(replay);
            seekToRecent(recent);
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

    /** Positions at the first record younger than the look-back, or the end when there is none. */
    private void seekToRecent(List<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        long since = clock.millis() - aggregatesReplay.toMillis();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, since));
        Map<TopicPartition, OffsetAndTimestamp> found =
                consumer.offsetsForTimes(query, Duration.ofSeconds(30));
        List<TopicPartition> none = new ArrayList<>();
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp o = found.get(p);
            if (o == null) {
                none.add(p);
            } else {
                consumer.seek(p, o.offset());
            }
        }
        consumer.seekToEnd(none);
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
        try {
            router.route(r.topic(), r.key(), r.value());
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
