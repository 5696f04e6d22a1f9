package io.cityops.simulator.mqtt;

import io.cityops.model.city.Sensor;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Opens one Paho MQTT 5 connection per device, client id = sensor id, all on one shared {@link
 * PahoExecutor}. With a device password configured, each device logs in as its sensor id.
 */
public final class PahoDeviceLinks implements DeviceLinkFactory {
    private final String serverUri;
    private final DevicePasswords passwords;
    private final int qos;
    private final PahoExecutor executor = new PahoExecutor();

    public PahoDeviceLinks(String serverUri, Optional<String> passwordForDevices, int qos) {
        this(serverUri, DevicePasswords.shared(passwordForDevices), qos);
    }

    /** Links whose devices each log in with their own password, e.g. one derived per device. */
    public PahoDeviceLinks(String serverUri, DevicePasswords passwords, int qos) {
        this.serverUri = serverUri;
        this.passwords = passwords;
        this.qos = qos;
    }

    @Override
    public DeviceLink open(Sensor sensor, String topic) {
        try {
            return PahoDeviceLink.create(
                    serverUri,
                    sensor.id(),
                    options(sensor, passwords.passwordFor(sensor)),
                    topic,
                    qos,
                    executor);
        } catch (MqttException e) {
            throw new IllegalStateException(
                    "cannot create the MQTT client of device "
                            + sensor.id()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    static MqttConnectionOptions options(Sensor sensor, Optional<String> password) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setSessionExpiryInterval(0L);
        o.setAutomaticReconnect(false); // the link reconnects itself (see PahoDeviceLink)
        o.setKeepAliveInterval(60);
        o.setConnectionTimeout(10);
        // Issue 5 gives each device its own credentials; the broker's ACL then pins it to its
        // topic.
        password.ifPresent(
                p -> {
                    o.setUserName(sensor.id());
                    o.setPassword(p.getBytes(StandardCharsets.UTF_8));
                });
        return o;
    }

    /** Threads Paho holds for the connections (about three per connected device). */
    public int connectionThreads() {
        return executor.loopThreads();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
