package io.cityops.dashboards.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cityops.dashboards.alerts.AlertCommand;
import io.cityops.dashboards.alerts.AlertCommandSink;
import io.cityops.model.Topics;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces alert commands to {@code alert-commands}, keyed by alert id (so one alert's commands
 * stay in order), idempotent with acks=all; {@link #send} returns only once Kafka has them.
 */
public final class KafkaAlertCommandSink implements AlertCommandSink {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaAlertCommandSink.class);

    private final KafkaProducer<String, byte[]> producer;
    private final ObjectMapper json = new ObjectMapper();

    public KafkaAlertCommandSink(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "dashboards-commands");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void send(AlertCommand command) throws Exception {
        producer.send(
                        new ProducerRecord<>(
                                Topics.ALERT_COMMANDS,
                                command.alertId(),
                                json.writeValueAsBytes(command)))
                .get(15, TimeUnit.SECONDS);
        LOG.info(
                "alert command {} on {} by {}", command.type(), command.alertId(), command.actor());
    }

    @Override
    public void close() {
        producer.close();
    }
}
