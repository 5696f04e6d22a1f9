package io.cityops.simulator.mqtt;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device's MQTT 5 connection through a Paho async client on the fleet's shared executor. The link
 * reconnects by itself, with jittered exponential backoff on the shared timer thread, rather than
 * through Paho's automatic reconnect: in Paho 1.2.5 that keeps its delay in a static field shared
 * by every client (so one fleet's failures push everyone's retry towards two minutes) and starts a
 * {@code java.util.Timer} thread per reconnecting client.
 */
final class PahoDeviceLink implements DeviceLink {
    private static final Logger LOG = LoggerFactory.getLogger(PahoDeviceLink.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final String topic;
    private final int qos;
    private final PahoExecutor executor;
    private final CompletableFuture<Void> firstAttempt = new CompletableFuture<>();
    private final AtomicBoolean retryPending = new AtomicBoolean();
    private volatile boolean everConnected;
    private volatile boolean closed;

    PahoDeviceLink(
            MqttAsyncClient client,
            MqttConnectionOptions options,
            String topic,
            int qos,
            PahoExecutor executor) {
        this.client = client;
        this.options = options;
        this.topic = topic;
        this.qos = qos;
        this.executor = executor;
        client.setCallback(new Callback());
    }

    static PahoDeviceLink create(
            String uri,
            String clientId,
            MqttConnectionOptions options,
            String topic,
            int qos,
            PahoExecutor executor)
            throws MqttException {
        // Memory persistence: Paho's default writes a directory per client into the working
        // directory.
        MqttAsyncClient client =
                new MqttAsyncClient(uri, clientId, new MemoryPersistence(), null, executor);
        return new PahoDeviceLink(client, options, topic, qos, executor);
    }

    @Override
    public CompletableFuture<Void> connect() {
        attempt(FIRST_RETRY);
        return firstAttempt;
    }

    private void attempt(Duration backoff) {
        if (closed || client.isConnected()) {
            return;
        }
        try {
            client.connect(
                    options,
                    null,
                    listener(
                            () -> {
                                if (everConnected) {
                                    LOG.debug("Device {} reconnected", client.getClientId());
                                }
                                everConnected = true;
                                firstAttempt.complete(null);
                            },
                            e -> {
                                firstAttempt.completeExceptionally(e);
                                retryAfter(backoff, e);
                            }));
        } catch (MqttException e) {
            firstAttempt.completeExceptionally(e);
            retryAfter(backoff, e);
        }
    }

    /** Schedules one more attempt unless one is pending already, so retry chains never multiply. */
    private void retryAfter(Duration backoff, Throwable cause) {
        if (closed || !retryPending.compareAndSet(false, true)) {
            return;
        }
        // Jitter spreads a whole fleet's reconnects after a broker restart instead of a stampede.
        long delay = (long) (backoff.toMillis() * (0.5 + ThreadLocalRandom.current().nextDouble()));
        Duration next =
                backoff.multipliedBy(2).compareTo(MAX_RETRY) > 0
                        ? MAX_RETRY
                        : backoff.multipliedBy(2);
        LOG.debug(
                "Device {} not connected ({}); retrying in {} ms",
                client.getClientId(),
                cause.getMessage(),
                delay);
        try {
            executor.schedule(
                    () -> {
                        retryPending.set(false);
                        attempt(next);
                    },
                    delay,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            retryPending.set(false); // the fleet is shutting down
        }
    }

    @Override
    public boolean publish(byte[] payload, Runnable delivered, Runnable dropped) {
        if (closed || !client.isConnected()) {
            return false;
        }
        MqttMessage message = new MqttMessage(payload, qos, false, new MqttProperties());
        try {
            client.publish(topic, message, null, listener(delivered, e -> dropped.run()));
            return true;
        } catch (MqttException e) {
            return false; // not connected any more, or the broker's receive maximum is reached
        }
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        closed = true;
        CompletableFuture<Void> done = new CompletableFuture<>();
        // Paho's "asynchronous" disconnect sleeps 100 ms in the caller, so a fleet disconnects in
        // parallel.
        try {
            executor.execute(
                    () -> {
                        try {
                            Runnable finished = () -> done.complete(null);
                            client.disconnect(
                                    1000,
                                    null,
                                    listener(finished, e -> finished.run()),
                                    0,
                                    new MqttProperties());
                        } catch (MqttException | RuntimeException e) {
                            done.complete(null); // already disconnected, or never connected
                        }
                    });
        } catch (RejectedExecutionException e) {
            done.complete(null);
        }
        return done;
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 500, false);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("Device {} did not close cleanly: {}", client.getClientId(), e.getMessage());
        }
    }

    private static MqttActionListener listener(Runnable success, Consumer<Throwable> failure) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                success.run();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                failure.accept(e);
            }
        };
    }

    /**
     * Reconnects after a lost connection; logs at debug level, as the fleet summarises for
     * operators.
     */
    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            MqttException cause =
                    response.getException() != null
                            ? response.getException()
                            : new MqttException(response.getReturnCode());
            LOG.debug(
                    "Device {} lost its connection: {}", client.getClientId(), cause.getMessage());
            retryAfter(FIRST_RETRY, cause);
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {}

        @Override
        public void mqttErrorOccurred(MqttException e) {
            LOG.debug("Device {}: MQTT error {}", client.getClientId(), e.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {}

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
