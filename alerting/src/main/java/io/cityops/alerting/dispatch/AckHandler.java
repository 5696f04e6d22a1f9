package io.cityops.alerting.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cityops.model.AlertCommand;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a field unit's MQTT acknowledgement ({@code units/<unitId>/acks}, JSON {@code
 * {"alertId":"…","comment":"…"}}) into an ACKNOWLEDGE command, after checking that the alert is
 * assigned to that unit. The unit is taken from the topic, never from the payload: the broker's ACL
 * lets a unit publish only to its own acks topic. Refusals are logged and counted.
 */
public final class AckHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AckHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AssignmentTable assignments;
    private final AtomicLong rejected = new AtomicLong();

    public AckHandler(AssignmentTable assignments) {
        this.assignments = assignments;
    }

    /** The command for this ack, or empty when it is refused. */
    public Optional<AlertCommand> handle(String topic, byte[] payload, long now) {
        Optional<String> unit = unitOf(topic);
        if (unit.isEmpty()) {
            return reject(topic, "?", "not a unit acks topic");
        }
        String alertId;
        String comment;
        try {
            JsonNode node = JSON.readTree(payload);
            if (node == null || !node.hasNonNull("alertId")) {
                return reject(topic, "?", "no alertId");
            }
            alertId = node.get("alertId").asText();
            comment = node.hasNonNull("comment") ? node.get("comment").asText() : null;
        } catch (IOException e) {
            return reject(topic, "?", "not JSON");
        }
        Optional<String> refusal = assignments.refusalFor(unit.get(), alertId);
        if (refusal.isPresent()) {
            return reject(topic, alertId, refusal.get());
        }
        return Optional.of(AlertCommand.unitAck(alertId, unit.get(), now, comment));
    }

    /** Acknowledgements refused so far. */
    public long rejected() {
        return rejected.get();
    }

    static Optional<String> unitOf(String topic) {
        String[] parts = topic.split("/", -1);
        if (parts.length == 3
                && parts[0].equals("units")
                && parts[2].equals("acks")
                && !parts[1].isEmpty()) {
            return Optional.of(parts[1]);
        }
        return Optional.empty();
    }

    private Optional<AlertCommand> reject(String topic, String alertId, String why) {
        long n = rejected.incrementAndGet();
        LOG.warn("Refused ack on {} for alert {}: {} ({} refused so far)", topic, alertId, why, n);
        return Optional.empty();
    }
}
