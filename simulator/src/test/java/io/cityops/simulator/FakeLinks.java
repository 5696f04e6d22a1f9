package io.cityops.simulator;

import io.cityops.model.city.Sensor;
import io.cityops.simulator.mqtt.DeviceLink;
import io.cityops.simulator.mqtt.DeviceLinkFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Links that keep what devices publish in memory: the simulator's scheduling without a broker. */
final class FakeLinks implements DeviceLinkFactory {
    final Map<String, Link> bySensor = new ConcurrentHashMap<>();
    private final boolean reachable;
    volatile boolean closed;

    FakeLinks(boolean reachable) {
        this.reachable = reachable;
    }

    @Override
    public DeviceLink open(Sensor sensor, String topic) {
        Link link = new Link(topic);
        bySensor.put(sensor.id(), link);
        return link;
    }

    @Override
    public void close() {
        closed = true;
    }

    final class Link implements DeviceLink {
        final String topic;
        final List<byte[]> payloads = new CopyOnWriteArrayList<>();
        volatile boolean connected;
        volatile boolean closed;

        Link(String topic) {
            this.topic = topic;
        }

        @Override
        public CompletableFuture<Void> connect() {
            connected = reachable;
            return reachable
                    ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.failedFuture(
                            new IllegalStateException("connection refused"));
        }

        @Override
        public boolean publish(byte[] payload, Runnable delivered, Runnable dropped) {
            if (!connected) {
                return false;
            }
            payloads.add(payload);
            delivered.run();
            return true;
        }

        @Override
        public boolean isConnected() {
            return connected;
        }

        @Override
        public CompletableFuture<Void> disconnect() {
            connected = false;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
