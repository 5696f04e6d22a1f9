package io.cityops.alerting.dispatch;

import io.cityops.model.Alert;
import io.cityops.model.AlertChange;
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
 * records, versions with no assigned unit and versions no unit needs (comments; alerts absorbed
 * under an incident, except the version that says so) produce no delivery, but their offsets are
 * still committed: retrying them could never succeed. Every version read updates the {@link
 * AssignmentTable} that unit acknowledgements are checked against.
 */
public final class DeliveryPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryPlanner.class);

    private final AssignmentTable assignments;

    public DeliveryPlanner() {
        this(new AssignmentTable());
    }

    public DeliveryPlanner(AssignmentTable assignments) {
        this.assignments = assignments;
    }

    /** Whether units hear about this version at all. */
    static boolean concernsUnits(Alert a) {
        if (AlertChange.COMMENT.name().equals(a.change())) {
            return false;
        }
        return !a.suppressed() || AlertChange.CORRELATE.name().equals(a.change());
    }

    public DeliveryPlan plan(Iterable<ConsumerRecord<String, byte[]>> batch) {
        List<Delivery> deliveries = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : batch) {
            commit.merge(
                    new TopicPartition(r.topic(), r.partition()),
                    new OffsetAndMetadata(r.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
            if (r.value() == null) {
                if (r.key() != null) {
                    assignments.remove(r.key());
                }
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
            assignments.update(alert);
            if (!concernsUnits(alert)) {
                LOG.debug("Alert {} v{} concerns no unit", alert.alertId(), alert.version());
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
