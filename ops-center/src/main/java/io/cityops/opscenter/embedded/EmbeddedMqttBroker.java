package io.cityops.opscenter.embedded;

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
 * Sessions and queued messages persist in its data folder, so a restarted bridge or field unit gets
 * what was queued for it. With a {@link BrokerGate} every client must log in and may touch only the
 * topics its account is granted; without one, anyone may connect and do anything.
 */
public final class EmbeddedMqttBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMqttBroker.class);

    private final Path home;
    private final String bindAddress;
    private final int port;
    private final int maxQueuedMessages;
    private final Optional<BrokerGate> gate;
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
        this.home = home;
        this.bindAddress = bindAddress;
        this.port = port;
        this.maxQueuedMessages = maxQueuedMessages;
        this.gate = gate;
    }

    public void start() throws Exception {
        Path conf = Files.createDirectories(home.resolve("conf"));
        Path data = Files.createDirectories(home.resolve("data"));
        Path extensions = Files.createDirectories(home.resolve("extensions"));
        writeConfig(conf);
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
                "MQTT broker (HiveMQ CE) listening on tcp://{}:{}, {}",
                bindAddress,
                port,
                gate.isPresent()
                        ? "clients must log in, each limited to its own topics"
                        : "open to anonymous clients (security.enabled=false)");
    }

    private void writeConfig(Path conf) throws IOException {
        String xml =
                """
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
          <anonymous-usage-statistics>
            <enabled>false</enabled>
          </anonymous-usage-statistics>
        </hivemq>
        """
                        .formatted(port, bindAddress, maxQueuedMessages);
        Files.writeString(conf.resolve("config.xml"), xml);
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
