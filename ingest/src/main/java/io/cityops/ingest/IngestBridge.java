package io.cityops.ingest;

import io.cityops.ingest.parse.PayloadFormats;
import io.cityops.ingest.parse.Quote;
import io.cityops.ingest.registry.LiveSensorRegistry;
import io.cityops.ingest.registry.RegistryFollower;
import io.cityops.ingest.registry.SensorDirectory;
import io.cityops.ingest.validate.ReadingValidator;
import io.cityops.ingest.validate.ValidationOutcome;
import io.cityops.model.city.CityModel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT→Kafka bridge: takes sensor messages from the broker's shared subscription, validates
 * them and writes each to {@code readings.<domain>} or {@code readings.rejected}. Payloads are
 * native JSON readings or SenML packs (see {@link PayloadFormats}). A QoS 1 message is acknowledged
 * to the broker only after Kafka acknowledged its records (all of a pack's), and the MQTT session
 * is persistent, so a bridge killed at any moment loses nothing: the broker redelivers what was not
 * acknowledged (at least once; a message written but not yet acknowledged arrives twice).
 *
 * <p>Sensors are checked against the live registry (the compacted {@code registry} topic, read from
 * the beginning at start-up and followed while running; see {@link RegistryFollower}), so a sensor
 * added there is accepted and a retired one rejected without restarting the bridge; with {@code
 * ingest.registry.follow=false}, against the city model only.
 */
public final class IngestBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestBridge.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private final IngestConfig config;
    private final MessageRouter router;
    private final LiveSensorRegistry ownRegistry;
    private RegistryFollower follower;
    private final IngestCounters counters = new IngestCounters();
    private final RateLimitedLog rejectionLog =
            new RateLimitedLog(LOG::warn, LOG_INTERVAL, System::nanoTime);
    private final RateLimitedLog clientLog =
            new RateLimitedLog(LOG::warn, LOG_INTERVAL, System::nanoTime);
    private KafkaProducer<byte[], byte[]> producer;
    private ScheduledExecutorService retryTimer;
    private KafkaHandoff handoff;
    private MqttIntake intake;
    private boolean started;
    private boolean closed;

    /**
     * A bridge with its own view of the sensors: the city model, followed by the {@code registry}
     * topic when {@link IngestConfig#registryFollow()} (read to its end before {@link #start()}
     * returns).
     */
    public IngestBridge(IngestConfig config, CityModel city) {
        this(config, config.registryFollow() ? new LiveSensorRegistry(city.sensors()) : null, city);
    }

    /**
     * A bridge checking sensors against a view somebody else keeps up to date (the all-in-one
     * shares one live registry between the broker and the bridge).
     */
    public IngestBridge(IngestConfig config, SensorDirectory sensors) {
        this(config, null, sensors);
    }

    private IngestBridge(IngestConfig config, LiveSensorRegistry own, CityModel city) {
        this(config, own, own != null ? own : SensorDirectory.of(city));
    }

    private IngestBridge(IngestConfig config, LiveSensorRegistry own, SensorDirectory sensors) {
        this.config = config;
        this.ownRegistry = own;
        Clock clock = Clock.systemUTC();
        this.router =
                new MessageRouter(
                        new ReadingValidator(
                                sensors,
                                new PayloadFormats(clock),
                                config.maxPayloadBytes(),
                                config.futureTolerance(),
                                clock),
                        clock);
    }

    /** Connects to Kafka and the broker and subscribes; returns once the broker granted QoS 1. */
    public synchronized void start() throws Exception {
        if (started) {
            throw new IllegalStateException(
                    "ingest bridge " + config.clientId() + " was already started");
        }
        started = true;
        try {
            if (ownRegistry != null) {
                // Before taking messages: a sensor added or retired in the registry must be
                // judged as the registry says from the first message on.
                follower =
                        new RegistryFollower(
                                config.kafkaBootstrap(), ownRegistry, config.clientId());
                follower.start(config.registryCatchUp());
            }
            // Kafka first: a resumed session delivers queued messages as soon as MQTT connects.
            producer =
                    new KafkaProducer<>(
                            ClientSettings.kafka(config),
                            new ByteArraySerializer(),
                            new ByteArraySerializer());
            retryTimer =
                    Executors.newSingleThreadScheduledExecutor(
                            r -> daemon(r, "ingest-retry-" + config.clientId()));
            handoff = new KafkaHandoff(producer, counters, this::scheduleRetry, clientLog);
            intake = new MqttIntake(config, this::onMessage, clientLog);
            intake.start(STARTUP_TIMEOUT);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** A snapshot of the counters: accepted, rejected per reason, in flight, Kafka failures. */
    public IngestMetrics metrics() {
        return counters.snapshot();
    }

    /**
     * Stops taking messages, waits up to 10 s for Kafka to confirm what is in flight (acknowledging
     * it to the broker), then disconnects keeping the session, and closes the producer.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean drained = true;
        if (intake != null) {
            intake.stopTaking();
            drained = drain();
        }
        if (handoff != null) {
            handoff.close();
        }
        if (intake != null) {
            intake.close(DRAIN_TIMEOUT);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (retryTimer != null) {
            retryTimer.shutdownNow();
        }
        if (follower != null) {
            try {
                follower.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        IngestMetrics m = counters.snapshot();
        LOG.info(
                "Ingest bridge {} closed: {} accepted, {} rejected, {} left unacknowledged for"
                        + " redelivery{}",
                config.clientId(),
                m.accepted(),
                m.rejectedTotal(),
                m.inFlight(),
                drained ? "" : " (Kafka did not confirm in time)");
    }

    private void onMessage(String topic, byte[] payload, Runnable ack) {
        List<Outbound> out = router.route(topic, payload);
        if (out.get(0).outcome() instanceof ValidationOutcome.Rejected r) {
            rejectionLog.log(
                    r.reason().name(),
                    "Rejected message on "
                            + Quote.of(topic)
                            + ": "
                            + r.reason()
                            + ", "
                            + r.detail());
        }
        handoff.send(out, ack);
    }

    private boolean drain() {
        try {
            return counters.awaitDrained(DRAIN_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void scheduleRetry(Runnable task, Duration delay) {
        try {
            retryTimer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closing: the message stays unacknowledged and the broker redelivers it.
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
