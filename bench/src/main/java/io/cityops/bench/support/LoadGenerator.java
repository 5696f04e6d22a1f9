package io.cityops.bench.support;

import io.cityops.model.Topics;
import io.cityops.model.city.Sensor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Devices as load: one Paho MQTT 5 connection per sensor (client id and, with security, user name =
 * sensor id, as the real devices log in), publishing valid readings at a paced total rate for a
 * bounded time. Counts what the broker accepted (PUBACK at QoS 1, written at QoS 0) and what the
 * client refused because its in-flight window (the broker's Receive Maximum) was full.
 */
public final class LoadGenerator implements AutoCloseable {
    private final List<Device> devices = new ArrayList<>();
    private final Payloads payloads;
    private final int qos;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder failed = new LongAdder();

    private record Device(Sensor sensor, String topic, MqttAsyncClient client, long[] seq) {}

    /**
     * @param passwordOf the password of a sensor's account, or null for an open broker
     */
    public LoadGenerator(
            String mqttUri,
            List<Sensor> sensors,
            Payloads payloads,
            int qos,
            Function<String, String> passwordOf)
            throws MqttException {
        this.payloads = payloads;
        this.qos = qos;
        try {
            for (Sensor s : sensors) {
                MqttAsyncClient c = new MqttAsyncClient(mqttUri, s.id(), new MemoryPersistence());
                MqttConnectionOptions o = new MqttConnectionOptions();
                o.setCleanStart(true);
                o.setConnectionTimeout(30);
                o.setKeepAliveInterval(60);
                if (passwordOf != null) {
                    o.setUserName(s.id());
                    o.setPassword(passwordOf.apply(s.id()).getBytes(StandardCharsets.UTF_8));
                }
                c.connect(o).waitForCompletion(30_000);
                devices.add(new Device(s, Topics.sensor(s.domain(), s.id()), c, new long[1]));
            }
        } catch (MqttException e) {
            close();
            throw e;
        }
    }

    /** What one paced run did. */
    public record Run(
            double offeredPerSec,
            long offered,
            long published,
            long accepted,
            long failed,
            long windowFull,
            long startMillis,
            double publishSeconds) {
        public double acceptedPerSec() {
            return accepted / publishSeconds;
        }
    }

    /**
     * Publishes {@code rate × seconds} readings round-robin over the devices, paced evenly, and
     * returns once all were handed to the clients and acknowledged (or after twice the planned
     * time, whichever comes first: loops are bounded).
     */
    public Run run(double ratePerSec, double seconds) {
        long total = Math.round(ratePerSec * seconds);
        long a0 = accepted.sum();
        long f0 = failed.sum();
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        long hardStop = start + (long) (seconds * 2e9) + 5_000_000_000L;
        long published = 0;
        long windowFull = 0;
        int next = 0;
        int skipped = 0;
        MqttActionListener listener =
                new MqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        accepted.increment();
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable e) {
                        failed.increment();
                    }
                };
        while (published < total && System.nanoTime() < hardStop) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            long due = Math.min(total, (long) (ratePerSec * elapsed) + 1);
            boolean progressed = false;
            while (published < due) {
                Device d = devices.get(next);
                next = (next + 1) % devices.size();
                long seq = d.seq()[0]++;
                byte[] payload =
                        payloads.reading(
                                d.sensor(), System.currentTimeMillis(), seq, (seq % 17) / 17.0);
                MqttMessage m = new MqttMessage(payload);
                m.setQos(qos);
                try {
                    d.client().publish(d.topic(), m, null, listener);
                    published++;
                    progressed = true;
                    skipped = 0;
                } catch (MqttException e) {
                    // Window full (or the client is busy): try the next device; after a full round
                    // of refusals wait a little.
                    d.seq()[0]--;
                    windowFull++;
                    if (++skipped >= devices.size()) {
                        skipped = 0;
                        break;
                    }
                }
            }
            if (!progressed || published >= due) {
                LockSupport.parkNanos(200_000);
            }
        }
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        while (accepted.sum() + failed.sum() - a0 - f0 < published
                && System.nanoTime() < hardStop + 10_000_000_000L) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return new Run(
                ratePerSec,
                total,
                published,
                accepted.sum() - a0,
                failed.sum() - f0,
                windowFull,
                startMillis,
                publishSeconds);
    }

    public int connections() {
        return devices.size();
    }

    @Override
    public void close() {
        for (Device d : devices) {
            try {
                if (d.client().isConnected()) {
                    d.client().disconnect(0).waitForCompletion(2_000);
                }
                d.client().close(true);
            } catch (MqttException e) {
                // shutting down
            }
        }
        devices.clear();
    }
}
