package io.cityops.opscenter.embedded;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import io.cityops.opscenter.security.BrokerGate;
import io.cityops.opscenter.security.HiveMqSecurityExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 5 broker (HiveMQ CE, embedded) inside the all-in-one JVM, listening on loopback only.
 * Sessions and queued messages persist in its data folder (unless {@link MqttBrokerTuning} says
 * in-memory), so a restarted bridge or field unit gets what was queued for it. With a {@link
 * BrokerGate} every client must log in and may touch only the topics its account is granted;
 * without one, anyone may connect and do anything.
 */
public final class EmbeddedMqttBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMqttBroker.class);

    private final Path home;
    private final String bindAddress;
    private final int port;
    private final int maxQueuedMessages;
    private final Optional<BrokerGate> gate;
    private final MqttBrokerTuning tuning;
    private EmbeddedHiveMQ hivemq;

    /**
     * @param home folder for the broker's configuration, data and extensions
     * @param maxQueuedMessages per-session queue limit; large, because the ingest bridges' shared
     *     subscription must hold every reading published while all bridges are down
     */
    public EmbeddedMqttBroker(Path home, String bindAddress, int port, int maxQueuedMessages) {
        this(home, bindAddress, port, maxQueuedMessages, Optional.empty());
    }

    /**
     * @param gate who may connect and what each account may do; empty for an open broker
     */
    public EmbeddedMqttBroker(
            Path home,
            String bindAddress,
            int port,
            int maxQueuedMessages,
            Optional<BrokerGate> gate) {
        this(home, bindAddress, port, maxQueuedMessages, gate, MqttBrokerTuning.defaults());
    }

    /**
     * @param gate who may connect and what each account may do; empty for an open broker
     * @param tuning queue persistence and in-flight window (see {@link MqttBrokerTuning})
     */
    public EmbeddedMqttBroker(
            Path home,
            String bindAddress,
            int port,
            int maxQueuedMessages,
            Optional<BrokerGate> gate,
            MqttBrokerTuning tuning) {
        this.home = home;
        this.bindAddress = bindAddress;
        this.port = port;
        this.maxQueuedMessages = maxQueuedMessages;
        this.gate = gate;
        this.tuning = tuning;
    }

    public void start() throws Exception {
        Path conf = Files.createDirectories(home.resolve("conf"));
        Path data = Files.createDirectories(home.resolve("data"));
        Path extensions = Files.createDirectories(home.resolve("extensions"));
        writeConfig(conf);
        // HiveMQ CE reads its in-flight limit and poll batch from JVM-wide fields, not from
        // config.xml. The last broker started in a JVM sets them (the all-in-one starts one).
        InternalConfigurations.MAX_INFLIGHT_WINDOW_SIZE_MESSAGES = tuning.inflightWindow();
        InternalConfigurations.PUBLISH_POLL_BATCH_SIZE =
                Math.max(MqttBrokerTuning.HIVEMQ_DEFAULT_WINDOW, tuning.inflightWindow());
        EmbeddedHiveMQBuilder builder =
                EmbeddedHiveMQ.builder()
                        .withConfigurationFolder(conf)
                        .withDataFolder(data)
                        .withExtensionsFolder(extensions)
                        .withoutLoggingBootstrap();
        gate.ifPresent(
                g ->
                        builder.withEmbeddedExtension(
                                EmbeddedExtension.builder()
                                        .withId("cityops-security")
                                        .withName("CityOps device and unit security")
                                        .withVersion("1")
                                        .withAuthor("CityOps")
                                        .withPriority(1000)
                                        .withStartPriority(1000)
                                        .withExtensionMain(new HiveMqSecurityExtension(g))
                                        .build()));
        hivemq = builder.build();
        hivemq.start().get(60, TimeUnit.SECONDS);
        LOG.info(
                "MQTT broker (HiveMQ CE) listening on tcp://{}:{}, {} queues, in-flight window {},"
                        + " {}",
                bindAddress,
                port,
                tuning.persistence().hivemqMode(),
                tuning.inflightWindow(),
                gate.isPresent()
                        ? "clients must log in, each limited to its own topics"
                        : "open to anonymous clients (security.enabled=false)");
    }

    private void writeConfig(Path conf) throws IOException {
        Files.writeString(
                conf.resolve("config.xml"),
                configXml(port, bindAddress, maxQueuedMessages, tuning));
    }

    /**
     * HiveMQ's {@code config.xml} for this broker. HiveMQ falls back to its built-in defaults
     * (every interface, port 1883, 1 000 queued messages per client) on a file that does not
     * validate, so {@code EmbeddedMqttBrokerConfigTest} checks this text against HiveMQ's own
     * schema.
     */
    static String configXml(
            int port, String bindAddress, int maxQueuedMessages, MqttBrokerTuning tuning) {
        return """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener>
              <port>%d</port>
              <bind-address>%s</bind-address>
            </tcp-listener>
          </listeners>
          <mqtt>
            <receive-maximum>
              <server-receive-maximum>100</server-receive-maximum>
            </receive-maximum>
            <queued-messages>
              <max-queue-size>%d</max-queue-size>
              <strategy>discard-oldest</strategy>
            </queued-messages>
          </mqtt>
          <persistence>
            <mode>%s</mode>
          </persistence>
          <anonymous-usage-statistics>
            <enabled>false</enabled>
          </anonymous-usage-statistics>
        </hivemq>
        """
                .formatted(port, bindAddress, maxQueuedMessages, tuning.persistence().hivemqMode());
    }

    public String uri() {
        return "tcp://" + bindAddress + ":" + port;
    }

    @Override
    public void close() throws Exception {
        if (hivemq != null) {
            hivemq.stop().get(60, TimeUnit.SECONDS);
            hivemq.close();
            hivemq = null;
            LOG.info("MQTT broker stopped");
        }
    }
}
