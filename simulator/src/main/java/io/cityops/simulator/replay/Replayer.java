package io.cityops.simulator.replay;

import io.cityops.model.Reading;
import io.cityops.model.Topics;
import io.cityops.model.city.Sensor;
import io.cityops.simulator.device.NativeJson;
import io.cityops.simulator.mqtt.DeviceLink;
import io.cityops.simulator.mqtt.DeviceLinkFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a cleaned recording as one sensor's native readings over the sensor's own MQTT link
 * (the same device code and credentials as the simulator), in recorded order, paced by the {@link
 * ReplayTimeline}. A reading the link cannot take at once (not yet connected, the broker's receive
 * window full) is offered again for up to 30 s, so order is kept and nothing is skipped quietly.
 */
public final class Replayer {
    private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(30);
    private static final Duration OFFER_WAIT = Duration.ofSeconds(30);
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(30);

    private final ReplayConfig config;
    private final Sensor sensor;
    private final DeviceLinkFactory links;
    private final Clock clock;

    public Replayer(ReplayConfig config, Sensor sensor, DeviceLinkFactory links, Clock clock) {
        if (!sensor.id().equals(config.sensorId())) {
            throw new IllegalArgumentException(
                    "the replay is for " + config.sensorId() + ", not " + sensor.id());
        }
        for (MetricColumn m : config.metrics()) {
            if (!sensor.domain().metrics().contains(m.metric())) {
                throw new IllegalArgumentException(
                        m.metric().key()
                                + " is not a metric of "
                                + sensor.id()
                                + " (domain "
                                + sensor.domain().topicName()
                                + "); ingest would reject every reading");
            }
        }
        this.config = config;
        this.sensor = sensor;
        this.links = links;
        this.clock = clock;
    }

    /** Replays the recording and returns once the broker has taken (or lost) every reading. */
    public ReplayResult run(Recording recording) throws InterruptedException {
        List<Sample> samples = recording.samples();
        ReplayTimeline timeline = ReplayTimeline.of(config, samples, clock.instant());
        AtomicLong delivered = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        String topic = Topics.sensor(sensor.domain(), sensor.id());
        DeviceLink link = links.open(sensor, topic);
        try {
            awaitConnected(link);
            LOG.info(
                    "Replaying {} instants of {} as {} (speed {}): {}",
                    samples.size(),
                    config.file().getFileName(),
                    sensor.id(),
                    Double.isInfinite(config.speed()) ? "max" : config.speed(),
                    recording.report().summary());
            long start = System.nanoTime();
            for (int i = 0; i < samples.size(); i++) {
                Sample s = samples.get(i);
                long due = start + timeline.wallOffset(s.recordedAt()).toNanos();
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Reading r =
                        new Reading(
                                sensor.id(),
                                sensor.domain(),
                                timeline.eventTime(s.recordedAt()),
                                i,
                                s.metrics());
                if (!offer(link, NativeJson.encode(r), delivered, dropped)) {
                    dropped.incrementAndGet();
                }
            }
            long deadline = System.nanoTime() + DRAIN_WAIT.toNanos();
            while (delivered.get() + dropped.get() < samples.size()
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            try {
                link.disconnect().get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // closed forcibly below
            }
            link.close();
        }
        LOG.info(
                "Replay of {} as {} done: {} readings published, {} dropped",
                config.file().getFileName(),
                sensor.id(),
                delivered.get(),
                dropped.get());
        return new ReplayResult(delivered.get(), dropped.get(), timeline);
    }

    private static boolean offer(
            DeviceLink link, byte[] payload, AtomicLong delivered, AtomicLong dropped)
            throws InterruptedException {
        long deadline = System.nanoTime() + OFFER_WAIT.toNanos();
        while (!link.publish(payload, delivered::incrementAndGet, dropped::incrementAndGet)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void awaitConnected(DeviceLink link) throws InterruptedException {
        try {
            link.connect().get(CONNECT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the link keeps retrying; offer() waits for it
            LOG.warn("Replay device {} not connected yet: {}", sensor.id(), e.toString());
        }
    }
}
