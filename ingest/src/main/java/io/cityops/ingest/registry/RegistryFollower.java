package io.cityops.ingest.registry;

import io.cityops.model.Topics;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorRegistration;
import io.cityops.model.json.JsonCodec;
import io.cityops.model.json.JsonCodecException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link LiveSensorRegistry} in step with the compacted {@code registry} topic: one thread
 * with a plain Kafka consumer (no group, no committed offsets) reads every partition from the
 * beginning and applies each entry. A registration adds or moves a sensor, a {@code retired} marker
 * or a tombstone (null value) retires it; a record that cannot be applied (no key, not JSON, key
 * and sensorId differ, incomplete sensor, an id unusable as an MQTT topic level) is logged and
 * skipped.
 *
 * <p>{@link #start} returns once the topic was read to the end offsets it had at start-up (the
 * catch-up), or after the timeout, so that whoever depends on the view starts with what the
 * registry says rather than with the bare city model. Without a {@code registry} topic the view
 * stays the city model, and the log says so.
 */
public final class RegistryFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);
    private static final long ERROR_BACKOFF_MS = 1_000;

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final LiveSensorRegistry registry;
    private final String topic;
    private final String name;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Map<LiveSensorRegistry.Change, Integer> applied =
            new EnumMap<>(LiveSensorRegistry.Change.class);
    private volatile boolean closed;
    private volatile int skipped;
    private volatile Consumer<byte[], byte[]> consumer;
    private Thread thread;

    /**
     * @param name who follows (e.g. the ingest client id), for the thread name and the log
     */
    public RegistryFollower(String bootstrap, LiveSensorRegistry registry, String name) {
        this(() -> kafkaConsumer(bootstrap, name), registry, Topics.REGISTRY, name);
    }

    RegistryFollower(
            Supplier<Consumer<byte[], byte[]>> consumers,
            LiveSensorRegistry registry,
            String topic,
            String name) {
        this.consumers = consumers;
        this.registry = registry;
        this.topic = topic;
        this.name = name;
    }

    /**
     * Starts following and waits for the catch-up.
     *
     * @return true when the registry was read to its end (or is absent) within {@code catchUp};
     *     false when the wait timed out: the view then holds what was read so far and keeps
     *     following
     */
    public synchronized boolean start(Duration catchUp) throws InterruptedException {
        if (thread != null) {
            throw new IllegalStateException("registry follower " + name + " already started");
        }
        long t0 = System.nanoTime();
        thread = new Thread(this::run, "registry-follower-" + name);
        thread.setDaemon(true);
        thread.start();
        if (caughtUp.await(catchUp.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        LOG.warn(
                "registry ({}): not read to its end within {} ms; going on with the city model and"
                        + " the {} entries read so far, still following",
                name,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
                entriesRead());
        return false;
    }

    /** Whether the initial catch-up is done. */
    public boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Records logged and skipped so far. */
    public int skipped() {
        return skipped;
    }

    @Override
    public void close() throws InterruptedException {
        Thread t;
        synchronized (this) {
            closed = true;
            t = thread;
        }
        Consumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (t != null) {
            t.join(10_000);
        }
    }

    private void run() {
        long t0 = System.nanoTime();
        try (Consumer<byte[], byte[]> c = consumers.get()) {
            consumer = c;
            if (closed) {
                return;
            }
            List<PartitionInfo> infos = null;
            Map<TopicPartition, Long> end = null;
            while (end == null) {
                if (closed) {
                    return;
                }
                try {
                    infos = c.partitionsFor(topic, METADATA_TIMEOUT);
                    if (infos == null || infos.isEmpty()) {
                        break;
                    }
                    List<TopicPartition> parts =
                            infos.stream()
                                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                                    .toList();
                    c.assign(parts);
                    c.seekToBeginning(parts);
                    end = new HashMap<>(c.endOffsets(parts, METADATA_TIMEOUT));
                } catch (WakeupException e) {
                    return;
                } catch (KafkaException e) {
                    LOG.warn(
                            "registry ({}): cannot read topic '{}' yet, retrying: {}",
                            name,
                            topic,
                            e.toString());
                    sleep(ERROR_BACKOFF_MS);
                }
            }
            if (end == null) {
                LOG.warn(
                        "registry ({}): no topic '{}'; sensors are those of the city model and do"
                                + " not change while running",
                        name,
                        topic);
                caughtUp.countDown();
                return;
            }
            while (!closed) {
                try {
                    for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) {
                        applyRecord(r);
                    }
                } catch (WakeupException e) {
                    return;
                } catch (KafkaException e) {
                    LOG.warn("registry ({}): reading failed, retrying: {}", name, e.toString());
                    sleep(ERROR_BACKOFF_MS);
                    continue;
                }
                if (!caughtUp() && reached(c, end)) {
                    caughtUp.countDown();
                    LOG.info(
                            "registry ({}): caught up in {} ms, {} entries read ({}), {} skipped;"
                                    + " {} sensors in service; following changes",
                            name,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
                            entriesRead(),
                            appliedSummary(),
                            skipped,
                            registry.sensors().size());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error(
                    "registry ({}): follower stopped, the sensor view no longer changes: {}",
                    name,
                    e.toString(),
                    e);
        } finally {
            consumer = null;
        }
    }

    private static boolean reached(Consumer<byte[], byte[]> c, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (c.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void applyRecord(ConsumerRecord<byte[], byte[]> r) {
        SensorRegistration entry;
        try {
            entry = decode(r.key(), r.value());
        } catch (IllegalArgumentException e) {
            skipped++;
            LOG.warn(
                    "registry ({}): skipped record {}-{}@{}: {}",
                    name,
                    r.topic(),
                    r.partition(),
                    r.offset(),
                    e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        LiveSensorRegistry.Change change = registry.apply(entry);
        synchronized (applied) {
            applied.merge(change, 1, Integer::sum);
        }
        if (change != LiveSensorRegistry.Change.UNCHANGED && caughtUp()) {
            LOG.info(
                    "registry ({}): sensor {} {}{}",
                    name,
                    entry.sensorId(),
                    change.name().toLowerCase(java.util.Locale.ROOT),
                    entry.retired() ? "" : " " + describe(entry.sensor()));
        }
    }

    /**
     * The entry a registry record holds: a registration, or a retirement for a {@code retired}
     * marker or a tombstone.
     *
     * @throws IllegalArgumentException saying why the record cannot be applied
     */
    static SensorRegistration decode(byte[] key, byte[] value) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("no key (the key must be the sensor id)");
        }
        String id = new String(key, StandardCharsets.UTF_8);
        if (value == null) {
            return SensorRegistration.retirement(id); // a tombstone
        }
        SensorRegistration entry;
        try {
            entry = JsonCodec.REGISTRATION.decode(value);
        } catch (JsonCodecException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!entry.sensorId().equals(id)) {
            throw new IllegalArgumentException(
                    "key '"
                            + id
                            + "' differs from the entry's sensorId '"
                            + entry.sensorId()
                            + "'");
        }
        if (!usableId(id)) {
            throw new IllegalArgumentException(
                    "sensor id '" + id + "' cannot be a topic level: no '/', '+', '#' or spaces");
        }
        if (!entry.retired()) {
            Sensor s = entry.sensor();
            if (s.kind() == null
                    || s.districtId() == null
                    || s.subjectId() == null
                    || s.heartbeatSec() <= 0) {
                throw new IllegalArgumentException(
                        "registration of '"
                                + id
                                + "' lacks kind, districtId, subjectId or a positive heartbeatSec");
            }
        }
        return entry;
    }

    private static boolean usableId(String id) {
        for (int i = 0; i < id.length(); i++) {
            char ch = id.charAt(i);
            if (ch == '/' || ch == '+' || ch == '#' || Character.isWhitespace(ch)) {
                return false;
            }
        }
        return true;
    }

    private int entriesRead() {
        synchronized (applied) {
            return applied.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private String appliedSummary() {
        synchronized (applied) {
            return applied.isEmpty()
                    ? "none"
                    : applied.toString().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static String describe(Sensor s) {
        return "(" + s.kind() + ", district " + s.districtId() + ", subject " + s.subjectId() + ")";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Consumer<byte[], byte[]> kafkaConsumer(String bootstrap, String name) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "registry-follower-" + name);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Never create the topic by asking for it: the registry must be compacted.
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
