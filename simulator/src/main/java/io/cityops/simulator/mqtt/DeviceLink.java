package io.cityops.simulator.mqtt;

import java.util.concurrent.CompletableFuture;

/**
 * One device's own connection to the broker: it publishes only to its own topic and, once
 * connected, reconnects by itself. The seam where a transport other than Paho can plug in.
 */
public interface DeviceLink extends AutoCloseable {

    /**
     * The first connection attempt; completes exceptionally when it fails (the link keeps
     * retrying).
     */
    CompletableFuture<Void> connect();

    /**
     * Hands one payload to the transport without blocking. Later exactly one callback runs: {@code
     * delivered} once the broker has it (as far as the QoS tells), {@code dropped} if it is lost.
     * Returns false, and runs neither, when the link cannot take it now (not connected, too much in
     * flight).
     */
    boolean publish(byte[] payload, Runnable delivered, Runnable dropped);

    boolean isConnected();

    /** Starts a clean disconnect; completes when done (never exceptionally). */
    CompletableFuture<Void> disconnect();

    /** Frees the link's resources, forcibly if {@link #disconnect} did not finish; never throws. */
    @Override
    void close();
}
