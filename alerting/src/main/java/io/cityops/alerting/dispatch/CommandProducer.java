package io.cityops.alerting.dispatch;

import io.cityops.model.AlertCommand;
import io.cityops.model.Topics;
import io.cityops.model.json.JsonCodec;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes field units' commands to the Kafka {@code alert-commands} topic, keyed by alert id;
 * idempotent with acks=all, and tells the caller only once Kafka has them.
 */
final class CommandProducer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommandProducer.class);

    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong forwarded = new AtomicLong();

    CommandProducer(DispatcherConfig config) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.clientId() + "-commands");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(p);
    }

    /** Sends {@code c}; runs {@code onSaved} once Kafka acknowledged it, never on failure. */
    void send(AlertCommand c, Runnable onSaved) {
        producer.send(
                new ProducerRecord<>(
                        Topics.ALERT_COMMANDS, c.alertId(), JsonCodec.ALERT_COMMAND.encode(c)),
                (metadata, e) -> {
                    if (e != null) {
                        // Left unconfirmed over MQTT: the broker redelivers the unit's ack.
                        LOG.warn(
                                "Could not forward {} of {} by {} to Kafka: {}",
                                c.type(),
                                c.alertId(),
                                c.actor(),
                                e.toString());
                        return;
                    }
                    forwarded.incrementAndGet();
                    LOG.info("Ack of alert {} by {} forwarded", c.alertId(), c.actor());
                    onSaved.run();
                });
    }

    long forwarded() {
        return forwarded.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
