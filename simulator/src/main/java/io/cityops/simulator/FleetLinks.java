package io.cityops.simulator;

import io.cityops.model.city.Sensor;
import io.cityops.simulator.mqtt.DeviceLink;
import io.cityops.simulator.mqtt.DeviceLinkFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The connections of a whole fleet: opened and connected together, closed together. */
final class FleetLinks {
    private final DeviceLinkFactory factory;
    private final Map<String, DeviceLink> links = new LinkedHashMap<>();
    private final List<CompletableFuture<Void>> firstAttempts = new ArrayList<>();

    FleetLinks(DeviceLinkFactory factory) {
        this.factory = factory;
    }

    /** Opens the device's link and starts its first connection attempt. */
    DeviceLink open(Sensor sensor, String topic) {
        DeviceLink link = factory.open(sensor, topic);
        links.put(sensor.id(), link);
        firstAttempts.add(link.connect());
        return link;
    }

    /**
     * Waits until every first attempt has succeeded or failed, at most {@code wait}; returns the
     * successes.
     */
    long awaitFirstAttempts(Duration wait) throws InterruptedException {
        CompletableFuture<?>[] settled =
                firstAttempts.stream()
                        .map(f -> f.handle((v, e) -> v))
                        .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(settled).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // whatever has not connected by now keeps retrying in the background
        }
        return firstAttempts.stream()
                .filter(f -> f.isDone() && !f.isCompletedExceptionally())
                .count();
    }

    /** Why the first failed attempt failed, for the operator. */
    String firstFailure() {
        for (CompletableFuture<Void> f : firstAttempts) {
            if (f.isCompletedExceptionally()) {
                return f.handle((v, e) -> String.valueOf(e.getMessage())).join();
            }
        }
        return "no answer yet";
    }

    int size() {
        return links.size();
    }

    int connected() {
        return (int) links.values().stream().filter(DeviceLink::isConnected).count();
    }

    /**
     * Disconnects every device cleanly in parallel, waits up to {@code wait}, then frees
     * everything.
     */
    void close(Duration wait) {
        CompletableFuture<?>[] disconnects =
                links.values().stream()
                        .map(DeviceLink::disconnect)
                        .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(disconnects).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the stragglers are closed forcibly below
        }
        links.values().forEach(DeviceLink::close);
        factory.close();
    }
}
