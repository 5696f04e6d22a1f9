package io.cityops.alerting.dispatch;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What to do with one polled batch of the alerts topic: the deliveries, in record order, and the
 * offsets to commit once all of them are acknowledged by the broker.
 *
 * @param commit for every partition in the batch, the offset after its last record, including
 *     records that needed no delivery
 */
public record DeliveryPlan(
        List<Delivery> deliveries, Map<TopicPartition, OffsetAndMetadata> commit) {

    public DeliveryPlan {
        deliveries = List.copyOf(deliveries);
        commit = Map.copyOf(commit);
    }

    /** How many MQTT messages the plan publishes: one per alert version and unit. */
    public int messages() {
        return deliveries.stream().mapToInt(d -> d.units().size()).sum();
    }
}
