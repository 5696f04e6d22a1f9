package io.cityops.bench.e2e;

import io.cityops.bench.support.Payloads;
import io.cityops.model.Alert;
import io.cityops.model.Domain;
import io.cityops.model.Topics;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.FieldUnit;
import io.cityops.model.city.RiverStation;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Device-to-alert latency: the river gauges, each on its own device connection, publish normal
 * levels every 100 ms and, at known times, a level over alarm level I whose value (to 0.1 cm) is
 * unique to that injection; every field unit listens on its alert topic with its own account. An
 * alert whose {@code waterLevelCm} attribute names an injection closes it: latency = arrival −
 * publish (same JVM clock). With {@code detection.water.clear-hold-off} short, the station clears
 * between injections, so each injection raises a new alert.
 */
final class AlertProbe implements AutoCloseable {
    private static final boolean DEBUG = Boolean.getBoolean("bench.debug");
    private final List<MqttAsyncClient> gauges = new ArrayList<>();
    private final List<Sensor> gaugeSensors = new ArrayList<>();
    private final List<MqttAsyncClient> units = new ArrayList<>();
    private final CityModel city;
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final AtomicLong injected = new AtomicLong();
    private final AtomicLong matched = new AtomicLong();
    private volatile Histogram histogram = new Histogram(60_000_000_000L, 3);
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private volatile boolean running;
    private Thread driver;

    AlertProbe(String mqttUri, CityModel city, Function<String, String> passwordOf)
            throws MqttException {
        this.city = city;
        for (FieldUnit u : city.fieldUnits()) {
            MqttAsyncClient c = client(mqttUri, u.id(), passwordOf);
            c.setCallback(new Listener());
            c.subscribe(new MqttSubscription(Topics.unitAlerts(u.id()), 1))
                    .waitForCompletion(10_000);
            units.add(c);
        }
        for (Sensor s : city.sensors()) {
            if (s.kind() == SensorKind.RIVER_GAUGE) {
                gauges.add(client(mqttUri, s.id(), passwordOf));
                gaugeSensors.add(s);
            }
        }
    }

    private static MqttAsyncClient client(
            String uri, String account, Function<String, String> passwordOf) throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(uri, account, new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setUserName(account);
        o.setPassword(passwordOf.apply(account).getBytes(StandardCharsets.UTF_8));
        o.setConnectionTimeout(30);
        c.connect(o).waitForCompletion(30_000);
        return c;
    }

    /** Starts publishing: normal levels every 100 ms, an injection per gauge every period. */
    void start(long injectEveryMs) {
        running = true;
        driver =
                new Thread(
                        () -> {
                            long tick = 0;
                            long ticksPerInjection = Math.max(1, injectEveryMs / 100);
                            while (running) {
                                for (int g = 0; g < gauges.size(); g++) {
                                    boolean inject =
                                            (tick + g * ticksPerInjection / gauges.size())
                                                            % ticksPerInjection
                                                    == 0;
                                    publish(g, inject);
                                }
                                tick++;
                                try {
                                    Thread.sleep(100);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        },
                        "bench-alert-probe");
        driver.setDaemon(true);
        driver.start();
    }

    private void publish(int g, boolean inject) {
        Sensor s = gaugeSensors.get(g);
        RiverStation st = city.riverStation(s.subjectId()).orElseThrow();
        long n = seq.incrementAndGet();
        double level = inject ? st.level1Cm() + 5 + (n % 5000) * 0.1 : st.level1Cm() - 100;
        long now = System.currentTimeMillis();
        MqttMessage m = new MqttMessage(Payloads.riverLevel(s.id(), now, n, level));
        m.setQos(1);
        try {
            gauges.get(g).publish(Topics.sensor(Domain.ENVIRONMENT, s.id()), m);
            published.incrementAndGet();
            if (inject) {
                pending.put(
                        st.id() + "@" + String.format(Locale.ROOT, "%.1f", level),
                        System.nanoTime());
                injected.incrementAndGet();
            }
        } catch (MqttException e) {
            // window full: skip this one; the next tick publishes again
        }
    }

    /** Readings the probe's gauges have published so far. */
    long published() {
        return published.get();
    }

    /**
     * The latencies recorded since the last call and the injections made since then; injections
     * still waiting for their alert stay pending (an alert slower than a step lands in the next).
     */
    Snapshot snapshot() {
        Histogram h = histogram;
        histogram = new Histogram(60_000_000_000L, 3);
        long inj = injected.getAndSet(0);
        long mat = matched.getAndSet(0);
        // Injections older than two minutes will not be alerted any more: count them as unmatched.
        long stale = System.nanoTime() - 120_000_000_000L;
        int open = pending.size();
        pending.values().removeIf(sent -> sent < stale);
        return new Snapshot(h, inj, mat, open);
    }

    record Snapshot(Histogram latencyNanos, long injected, long matched, int unmatched) {}

    void stop() {
        running = false;
        if (driver != null) {
            driver.interrupt();
            try {
                driver.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class Listener implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            long now = System.nanoTime();
            Alert a;
            try {
                a = JsonCodec.ALERT.decode(message.getPayload());
            } catch (RuntimeException e) {
                return;
            }
            // Only the level alarm: a water.rise alert carries waterLevelCm too, and would match
            // an injection without being the alert the probe times.
            String level =
                    a.attributes() == null || !"water.level".equals(a.type())
                            ? null
                            : a.attributes().get("waterLevelCm");
            if (DEBUG) {
                System.out.println(
                        "[bench] alert "
                                + new String(message.getPayload(), StandardCharsets.UTF_8));
            }
            if (level == null) {
                return;
            }
            Long sent = pending.remove(a.subjectId() + "@" + level);
            if (sent != null) {
                histogram.recordValue(Math.min(now - sent, 59_000_000_000L));
                matched.incrementAndGet();
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse r) {}

        @Override
        public void mqttErrorOccurred(MqttException e) {}

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }

    @Override
    public void close() {
        stop();
        for (MqttAsyncClient c : concat()) {
            try {
                if (c.isConnected()) {
                    c.disconnect(0).waitForCompletion(2_000);
                }
                c.close(true);
            } catch (MqttException e) {
                // shutting down
            }
        }
    }

    private List<MqttAsyncClient> concat() {
        List<MqttAsyncClient> all = new ArrayList<>(gauges);
        all.addAll(units);
        return all;
    }
}
