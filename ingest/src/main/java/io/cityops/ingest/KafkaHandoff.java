package io.cityops.ingest;

import io.cityops.ingest.parse.Quote;
import io.cityops.ingest.validate.ValidationOutcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes records to Kafka and runs each message's broker acknowledgement only after Kafka has
 * acknowledged its record, so the broker keeps every message this bridge has not yet made durable.
 * A failed write is retried with backoff while the message stays unacknowledged; with the broker's
 * receive window bounding what is unacknowledged, a Kafka outage stops the inflow instead of
 * filling memory. Kafka's callback thread only counts, acknowledges and schedules.
 */
final class KafkaHandoff {
    /** Runs a delayed task; the retry timer in production, a manual clock in tests. */
    interface Scheduler {
        void schedule(Runnable task, Duration delay);
    }

    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final Producer<byte[], byte[]> producer;
    private final IngestCounters counters;
    private final Scheduler retries;
    private final RateLimitedLog failureLog;
    private volatile boolean closed;

    KafkaHandoff(
            Producer<byte[], byte[]> producer,
            IngestCounters counters,
            Scheduler retries,
            RateLimitedLog failureLog) {
        this.producer = producer;
        this.counters = counters;
        this.retries = retries;
        this.failureLog = failureLog;
    }

    /** Sends the record; {@code ack} runs once Kafka has it, never before and at most once. */
    void send(Outbound out, Runnable ack) {
        send(List.of(out), ack);
    }

    /**
     * Sends the records of one message (a SenML pack may give several readings); {@code ack} runs
     * once Kafka has every one of them, never before and at most once. A failed record is retried
     * alone: the ones Kafka already has are not written again.
     */
    void send(List<Outbound> records, Runnable ack) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a message gives at least one record");
        }
        counters.received();
        AtomicInteger outstanding = new AtomicInteger(records.size());
        ValidationOutcome outcome = records.get(0).outcome();
        Runnable oneDone =
                () -> {
                    if (outstanding.decrementAndGet() == 0) {
                        ack.run();
                        counters.delivered(outcome);
                    }
                };
        for (Outbound out : records) {
            attempt(out, oneDone, 1);
        }
    }

    /**
     * Stops retrying: what is not in Kafka by now stays unacknowledged for the broker to redeliver.
     */
    void close() {
        closed = true;
    }

    private void attempt(Outbound out, Runnable done, int attempt) {
        if (closed) {
            return;
        }
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(out.kafkaTopic(), out.key(), out.value());
        try {
            producer.send(
                    record,
                    (metadata, error) -> {
                        if (error == null) {
                            done.run();
                        } else {
                            failed(out, done, attempt, error);
                        }
                    });
        } catch (RuntimeException e) {
            // send() throws rather than calling back for a closed producer or an interrupted wait.
            failed(out, done, attempt, e);
        }
    }

    private void failed(Outbound out, Runnable done, int attempt, Exception error) {
        counters.kafkaFailed();
        Duration delay = backoff(attempt);
        String next =
                closed
                        ? "the broker redelivers it after restart"
                        : "retrying in " + delay.toMillis() + " ms";
        failureLog.log(
                out.kafkaTopic(),
                "Kafka write of a %s from %s to %s failed (attempt %d, %s: %s); not acknowledged to MQTT, %s"
                        .formatted(
                                outcomeName(out.outcome()),
                                Quote.of(out.source()),
                                out.kafkaTopic(),
                                attempt,
                                error.getClass().getSimpleName(),
                                error.getMessage(),
                                next));
        if (!closed) {
            retries.schedule(() -> attempt(out, done, attempt + 1), delay);
        }
    }

    static Duration backoff(int attempt) {
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 16));
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }

    private static String outcomeName(ValidationOutcome o) {
        return o instanceof ValidationOutcome.Rejected r ? r.reason() + " rejection" : "reading";
    }
}
