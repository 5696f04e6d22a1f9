package io.cityops.ingest;

import io.cityops.ingest.validate.ValidationOutcome;
import io.cityops.model.RejectionReason;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live, thread-safe counters behind {@link IngestMetrics}; the bridge's threads update them.
 */
final class IngestCounters {
    private final LongAdder accepted = new LongAdder();
    private final Map<RejectionReason, LongAdder> rejected = new EnumMap<>(RejectionReason.class);
    private final LongAdder kafkaFailures = new LongAdder();
    private final Object inFlightLock = new Object();
    private int inFlight;

    IngestCounters() {
        for (RejectionReason r : RejectionReason.values()) {
            rejected.put(r, new LongAdder());
        }
    }

    void received() {
        synchronized (inFlightLock) {
            inFlight++;
        }
    }

    /** Kafka has the message and it was handed to the broker acknowledgement. */
    void delivered(ValidationOutcome outcome) {
        if (outcome instanceof ValidationOutcome.Rejected r) {
            rejected.get(r.reason()).increment();
        } else {
            accepted.add(((ValidationOutcome.Accepted) outcome).readings().size());
        }
        synchronized (inFlightLock) {
            inFlight--;
            inFlightLock.notifyAll();
        }
    }

    void kafkaFailed() {
        kafkaFailures.increment();
    }

    /** Waits until nothing is in flight, at most {@code timeout}; true if drained. */
    boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (inFlightLock) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                inFlightLock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    IngestMetrics snapshot() {
        Map<RejectionReason, Long> byReason = new EnumMap<>(RejectionReason.class);
        rejected.forEach((r, n) -> byReason.put(r, n.sum()));
        int now;
        synchronized (inFlightLock) {
            now = inFlight;
        }
        return new IngestMetrics(accepted.sum(), byReason, now, kafkaFailures.sum());
    }
}
