package io.cityops.alerting.dispatch;

import io.cityops.model.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every alert version on the Kafka alerts topic to its assigned field units over MQTT ({@code
 * units/<unitId>/alerts}, QoS 1). At least once: a batch's offsets are committed only after the
 * broker acknowledged every publish of it; on a failure the dispatcher backs off and re-reads from
 * the last committed offsets, so units may see a version twice but never miss one. Reads committed
 * only, so alerts appear once the lifecycle job's checkpoint commits them. Messages carry an MQTT 5
 * expiry ({@link ExpiryPolicy}); versions no unit needs (comments, absorbed children) are skipped.
 *
 * <p>Units' acknowledgements arrive on {@code units/+/acks}; an ack of an alert assigned to the
 * sending unit becomes an ACKNOWLEDGE {@link io.cityops.model.AlertCommand} on {@code
 * alert-commands} and is confirmed to the broker only once Kafka has it; others are refused, logged
 * and counted ({@link #rejectedAcks()}). The assignments come from the alerts this dispatcher reads
 * (preloaded from the whole topic at start), so one dispatcher per group is assumed.
 */
public final class AlertDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    // Bounds one batch's publishes, and with them the re-sends after a failure.
    private static final int MAX_POLL_RECORDS = 100;

    private final DispatcherConfig config;
    private final AssignmentTable assignments = new AssignmentTable();
    private final DeliveryPlanner planner = new DeliveryPlanner(assignments);
    private final AckHandler acks = new AckHandler(assignments);
    private volatile CommandProducer commands;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    private final AtomicLong delivered = new AtomicLong();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile UnitPublisher publisher;
    private volatile Thread poller;

    public AlertDispatcher(DispatcherConfig config) {
        this.config = config;
    }

    /** Connects to the MQTT broker (failing if it cannot) and starts the poll thread. */
    public synchronized void start() throws Exception {
        if (poller != null) {
            throw new IllegalStateException("dispatcher already started");
        }
        commands = new CommandProducer(config);
        try {
            // Acks are checked against who holds each alert, so learn that before taking acks.
            loadAssignments();
            publisher = new UnitPublisher(config, this::onAck);
            publisher.connect();
            consumer = new KafkaConsumer<>(consumerProperties());
            consumer.subscribe(List.of(Topics.ALERTS));
        } catch (Exception e) {
            if (publisher != null) {
                publisher.close();
            }
            commands.close();
            throw e;
        }
        poller = new Thread(this::pollLoop, "alert-dispatcher-" + config.clientId());
        // The owner decides the process's life (DispatcherMain waits for SIGTERM); a batch stuck on
        // acks after close() must not keep the JVM up.
        poller.setDaemon(true);
        poller.start();
        LOG.info("Dispatcher started: {}", config);
    }

    private void onAck(String topic, byte[] payload, Runnable complete) {
        acks.handle(topic, payload, System.currentTimeMillis())
                .ifPresentOrElse(c -> commands.send(c, complete), complete);
    }

    /**
     * Reads the alerts topic from its beginning to its current end (a compacted topic: every
     * alert's latest versions) into the assignment table, with a consumer outside the group.
     */
    private void loadAssignments() {
        Properties p = consumerProperties();
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, config.clientId() + "-assignments");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts =
                    c.partitionsFor(Topics.ALERTS, STOP_TIMEOUT).stream()
                            .map(i -> new TopicPartition(i.topic(), i.partition()))
                            .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, STOP_TIMEOUT);
            long giveUpAt = System.nanoTime() + ACK_TIMEOUT.toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() - giveUpAt > 0) {
                    LOG.warn(
                            "Dispatcher: alerts topic not read to its end in time; acks of older alerts may be refused until they are read");
                    break;
                }
                planner.plan(c.poll(POLL_TIMEOUT)); // only for its side effect on the table
            }
        } catch (KafkaException e) {
            LOG.warn("Dispatcher could not preload alert assignments: {}", e.toString());
        }
        LOG.info("Dispatcher knows the assignments of {} alerts", assignments.size());
    }

    /** Unit acks refused so far (unknown alert, or not assigned to the unit). */
    public long rejectedAcks() {
        return acks.rejected();
    }

    /** Unit acks forwarded to Kafka as commands so far. */
    public long forwardedAcks() {
        CommandProducer c = commands;
        return c == null ? 0 : c.forwarded();
    }

    /** MQTT messages (one per alert version and unit) the broker has acknowledged so far. */
    public long delivered() {
        return delivered.get();
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, config.clientId());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A new group starts from the compacted topic's beginning: every alert's latest version.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(MAX_POLL_RECORDS));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        return p;
    }

    private void pollLoop() {
        // After any failure the position may be past records that were not delivered: go back to
        // the committed offsets before polling again, retrying the rewind itself if Kafka fails.
        boolean rewind = false;
        try {
            while (stopping.getCount() > 0) {
                try {
                    if (rewind) {
                        rewind();
                        rewind = false;
                    }
                    dispatch(consumer.poll(POLL_TIMEOUT));
                } catch (MqttException e) {
                    rewind = true;
                    pause("publishing to MQTT failed: " + e);
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    rewind = true;
                    pause("Kafka failed: " + e);
                } catch (RuntimeException e) {
                    LOG.error("Dispatcher failed unexpectedly", e);
                    rewind = true;
                    pause("unexpected " + e);
                }
            }
        } catch (WakeupException e) {
            // close() was called
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
            LOG.info("Dispatcher stopped after {} deliveries", delivered.get());
        }
    }

    private void dispatch(ConsumerRecords<String, byte[]> records) throws MqttException {
        if (records.isEmpty()) {
            return;
        }
        DeliveryPlan plan = planner.plan(records);
        publisher.publishAll(plan.deliveries(), ACK_TIMEOUT);
        plan.deliveries().forEach(d -> LOG.info("Alert {}", d.describe()));
        delivered.addAndGet(plan.messages());
        backoff.reset();
        try {
            consumer.commitSync(plan.commit());
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // Delivered but not committed: whoever reads these partitions next sends them again.
            LOG.warn(
                    "Committing offsets {} failed, these alerts will be sent again: {}",
                    plan.commit(),
                    e.toString());
        }
    }

    private void pause(String what) throws InterruptedException {
        Duration delay = backoff.next();
        LOG.warn(
                "Dispatcher: {}; retrying from the last committed offsets in {} s",
                what,
                delay.toSeconds());
        stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Re-reads every assigned partition from its committed offset (the beginning if none). */
    private void rewind() {
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
        for (TopicPartition tp : assigned) {
            OffsetAndMetadata offset = committed.get(tp);
            if (offset == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, offset);
            }
        }
    }

    /**
     * Stops after the batch in progress (committing it if its acks arrive within a few seconds),
     * then disconnects. A batch cut short is not committed and is sent again on the next start.
     */
    @Override
    public void close() {
        stopping.countDown();
        join(poller);
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null && poller != null && poller.isAlive()) {
            c.wakeup();
        }
        UnitPublisher p = publisher;
        if (p != null) {
            p.close(); // also fails acks still awaited, which ends a batch cut short
        }
        join(poller);
        CommandProducer c2 = commands;
        if (c2 != null) {
            c2.close();
        }
    }

    private static void join(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
