package io.cityops.alerting.dispatch;

import io.cityops.model.Alert;
import java.util.List;

/**
 * One alert version to publish to each of its assigned units.
 *
 * @param payload the record's value as the lifecycle wrote it (JsonCodec.ALERT), forwarded
 *     unchanged so fields newer than this dispatcher survive
 */
public record Delivery(Alert alert, byte[] payload) {

    public List<String> units() {
        return alert.assignedUnits();
    }

    /** The log line, e.g. {@code water.level:rs-107-muongte v1 RAISE MAJOR → rescue-north}. */
    public String describe() {
        return "%s v%d %s %s → %s"
                .formatted(
                        alert.alertId(),
                        alert.version(),
                        alert.change(),
                        alert.severity(),
                        String.join(", ", alert.assignedUnits()));
    }
}
