package io.cityops.simulator;

import io.cityops.model.city.CityModel;
import io.cityops.simulator.device.NativeJson;
import io.cityops.simulator.device.SimulatedDevice;
import io.cityops.simulator.incidents.ActiveIncident;
import io.cityops.simulator.incidents.IncidentEvent;
import io.cityops.simulator.mqtt.DeviceLink;
import io.cityops.simulator.mqtt.DeviceLinkFactory;
import io.cityops.simulator.mqtt.PahoDeviceLinks;
import io.cityops.simulator.values.Seeds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device side of the platform over MQTT: every sensor of a city model as its own MQTT 5 client
 * publishing native JSON readings at its heartbeat (times the configured rate), first readings
 * staggered over one interval, plus the scripted incidents. One scheduler thread samples and
 * publishes for the whole fleet; the connections share one executor (see {@link PahoDeviceLinks}).
 */
public final class ProvinceSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProvinceSimulator.class);
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(30);
    private static final long POKE_JITTER_MS = 2000;

    private final SimulatorConfig config;
    private final CityModel city;
    private final Clock clock;
    private final FleetLinks links;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final LongAdder published = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final SplittableRandom jitter;
    private volatile List<ActiveIncident> incidents = List.of();
    private ScheduledExecutorService publisher;
    private Fleet fleet;
    private boolean started;
    private boolean closed;

    public ProvinceSimulator(SimulatorConfig c, CityModel city) {
        this(
                c,
                city,
                Clock.systemUTC(),
                new PahoDeviceLinks(c.mqttUri(), c.passwordForDevices(), c.qos()));
    }

    /**
     * A simulator with its own clock (the readings' timestamps and the incident schedule) and its
     * own transport, e.g. a fake for tests or a non-blocking MQTT client for large loads.
     */
    public ProvinceSimulator(
            SimulatorConfig c, CityModel city, Clock clock, DeviceLinkFactory links) {
        this.config = c;
        this.city = city;
        this.clock = clock;
        this.links = new FleetLinks(links);
        this.jitter = Seeds.stream(c.seed(), "stagger");
    }

    /**
     * Connects every device (waiting up to 30 s) and starts publishing; fails if none can connect.
     */
    public synchronized void start() throws Exception {
        if (started || closed) {
            throw new IllegalStateException("a simulator starts once");
        }
        started = true;
        fleet =
                new Fleet(
                        city,
                        config.seed(),
                        config.firstIncidentAfter(),
                        config.incidentEvery(),
                        clock.instant());
        for (SimulatedDevice d : fleet.devices()) {
            slots.put(
                    d.sensor().id(),
                    new Slot(d, links.open(d.sensor(), d.topic()), baseInterval(d)));
        }
        long connected = links.awaitFirstAttempts(CONNECT_WAIT);
        if (connected == 0) {
            String why = links.firstFailure();
            close();
            throw new IllegalStateException(
                    "no simulated device could connect to " + config.mqttUri() + ": " + why);
        }
        ScheduledThreadPoolExecutor scheduler =
                new ScheduledThreadPoolExecutor(1, r -> daemon(r, "cityops-sim-publisher"));
        scheduler.setRemoveOnCancelPolicy(true); // pokes cancel a reading per device and incident
        publisher = scheduler;
        for (Slot s : slots.values()) {
            schedule(s, jitter.nextLong(s.base.toMillis()));
        }
        publisher.scheduleWithFixedDelay(this::tickIncidents, 0, 1, TimeUnit.SECONDS);
        LOG.info(
                "Simulator started: {} of {} devices connected to {}, rate {}, first incident after {}, then every {}",
                connected,
                slots.size(),
                config.mqttUri(),
                config.rate(),
                config.firstIncidentAfter(),
                config.incidentEvery());
        if (connected < slots.size()) {
            LOG.warn(
                    "{} simulated devices could not connect yet ({}); they keep retrying",
                    slots.size() - connected,
                    links.firstFailure());
        }
    }

    private Duration baseInterval(SimulatedDevice d) {
        return Duration.ofMillis(
                Math.max(1, Math.round(d.sensor().heartbeatSec() * 1000 / config.rate())));
    }

    private void publish(Slot s) {
        try {
            fleet.next(s.device.sensor().id(), clock.instant())
                    .ifPresent(
                            r -> {
                                if (!s.link.publish(
                                        NativeJson.encode(r),
                                        published::increment,
                                        dropped::increment)) {
                                    dropped.increment();
                                }
                            });
        } catch (RuntimeException e) {
            LOG.warn(
                    "Simulated device {} failed to produce a reading: {}",
                    s.device.sensor().id(),
                    e.toString());
        }
        Duration alarm = fleet.alarmInterval(s.device.sensor().id()).orElse(s.base);
        schedule(s, Math.min(s.base.toMillis(), alarm.toMillis()));
    }

    private void schedule(Slot s, long delayMs) {
        if (s.next != null) {
            s.next.cancel(false);
        }
        s.next = publisher.schedule(() -> publish(s), delayMs, TimeUnit.MILLISECONDS);
    }

    private void tickIncidents() {
        try {
            Instant now = clock.instant();
            for (IncidentEvent e : fleet.advanceIncidents(now)) {
                boolean start = e.type() == IncidentEvent.Type.STARTED;
                LOG.info(
                        start ? "Simulated incident: {}" : "Simulated incident over: {}",
                        e.active().incident().description());
                // Devices drawn into (or out of) an incident report at once, as alarm-mode devices
                // do.
                e.active()
                        .incident()
                        .sensorIds()
                        .forEach(id -> schedule(slots.get(id), jitter.nextLong(POKE_JITTER_MS)));
            }
            incidents = fleet.activeIncidents();
        } catch (RuntimeException e) {
            LOG.warn("Simulated incidents failed to advance: {}", e.toString());
        }
    }

    /** Readings the broker has taken so far (acknowledged at QoS 1, written at QoS 0). */
    public long published() {
        return published.sum();
    }

    /** Readings lost: a device not connected, or a publish that failed. */
    public long dropped() {
        return dropped.sum();
    }

    /** Devices whose MQTT connection is up right now. */
    public int connectedDevices() {
        return links.connected();
    }

    /** The scripted incidents under way (refreshed every second). */
    public List<ActiveIncident> activeIncidents() {
        return incidents;
    }

    /** Stops publishing and disconnects every device cleanly (forcibly after 5 s). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (publisher != null) {
            publisher.shutdownNow();
            try {
                publisher.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        links.close(Duration.ofSeconds(5));
        if (started) {
            LOG.info(
                    "Simulator stopped: {} readings published, {} dropped", published(), dropped());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** A device, its link and its next scheduled reading; touched only by the publisher thread. */
    private static final class Slot {
        final SimulatedDevice device;
        final DeviceLink link;
        final Duration base;
        ScheduledFuture<?> next;

        Slot(SimulatedDevice device, DeviceLink link, Duration base) {
            this.device = device;
            this.link = link;
            this.base = base;
        }
    }
}
