package io.cityops.alerting.dispatch;

import io.cityops.model.Alert;
import io.cityops.model.json.JsonCodec;
import io.cityops.model.json.JsonCodecException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a batch of alerts-topic records into a {@link DeliveryPlan}. Tombstones, undecodable
 * records and versions with no assigned unit produce no delivery, but their offsets are still
 * committed: retrying them could never succeed.
 */
public final class DeliveryPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryPlanner.class);

    public DeliveryPlan plan(Iterable<ConsumerRecord<String, byte[]>> batch) {
        List<Delivery> deliveries = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : batch) {
            commit.merge(
                    new TopicPartition(r.topic(), r.partition()),
                    new OffsetAndMetadata(r.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
            if (r.value() == null) {
                continue; // a deleted alert: nothing to tell the units
            }
            Alert alert;
            try {
                alert = JsonCodec.ALERT.decode(r.value());
            } catch (JsonCodecException e) {
                LOG.warn(
                        "Skipping undecodable alert {}-{}@{}: {}",
                        r.topic(),
                        r.partition(),
                        r.offset(),
                        e.getMessage().lines().findFirst().orElse("invalid"));
                continue;
            }
            if (alert.assignedUnits().isEmpty()) {
                LOG.debug("Alert {} v{} has no assigned unit", alert.alertId(), alert.version());
                continue;
            }
            deliveries.add(new Delivery(alert, r.value()));
        }
        return new DeliveryPlan(deliveries, commit);
    }
}
