package io.cityops.ingest;

import io.cityops.model.RejectionReason;
import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of what a bridge has done since it started. A message counts as accepted or rejected
 * once Kafka has acknowledged it (on {@code readings.<domain>} or {@code readings.rejected}), which
 * is also when it is acknowledged to the broker; a message the broker redelivers counts again.
 *
 * @param accepted readings written to {@code readings.<domain>}: one per native message, one per
 *     distinct time of a SenML pack
 * @param rejected per reason, every reason present (zero when none)
 * @param inFlight messages received from the broker and not yet acknowledged to it
 * @param kafkaFailures failed Kafka writes; each is retried and the message stays unacknowledged
 */
public record IngestMetrics(
        long accepted, Map<RejectionReason, Long> rejected, int inFlight, long kafkaFailures) {

    public IngestMetrics {
        EnumMap<RejectionReason, Long> all = new EnumMap<>(RejectionReason.class);
        for (RejectionReason r : RejectionReason.values()) {
            all.put(r, rejected.getOrDefault(r, 0L));
        }
        rejected = Map.copyOf(all);
    }

    public long rejected(RejectionReason reason) {
        return rejected.get(reason);
    }

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }
}
