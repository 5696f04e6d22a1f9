package io.cityops.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.ingest.validate.ValidationOutcome;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.RejectionReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class KafkaHandoffTest {
    private final MockProducer<byte[], byte[]> kafka =
            new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final IngestCounters counters = new IngestCounters();
    private final List<Runnable> dueRetries = new ArrayList<>();
    private final List<Duration> retryDelays = new ArrayList<>();
    private final List<String> logged = new ArrayList<>();
    private final KafkaHandoff handoff =
            new KafkaHandoff(
                    kafka,
                    counters,
                    (task, delay) -> {
                        dueRetries.add(task);
                        retryDelays.add(delay);
                    },
                    new RateLimitedLog(logged::add, Duration.ZERO, System::nanoTime));
    private int acks;

    private static Outbound reading() {
        Reading r = new Reading("td-105-1u", Domain.TRAFFIC, 1L, 1, Map.of("speedKmh", 40.0));
        return new Outbound(
                "readings.traffic",
                new byte[] {1},
                new byte[] {2},
                "sensors/traffic/td-105-1u",
                new ValidationOutcome.Accepted(r));
    }

    private static Reading speed(long ts, double kmh) {
        return new Reading(
                "td-105-1u", Domain.TRAFFIC, ts, Reading.NO_SEQ, Map.of("speedKmh", kmh));
    }

    private void runDueRetries() {
        List<Runnable> due = List.copyOf(dueRetries);
        dueRetries.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void brokerIsAcknowledgedOnlyOnceKafkaHasTheRecord() {
        handoff.send(reading(), () -> acks++);

        assertThat(kafka.history()).hasSize(1);
        assertThat(acks).isZero();
        assertThat(counters.snapshot().inFlight()).isEqualTo(1);

        kafka.completeNext();

        assertThat(acks).isEqualTo(1);
        assertThat(counters.snapshot().accepted()).isEqualTo(1);
        assertThat(counters.snapshot().inFlight()).isZero();
    }

    @Test
    void failedWriteIsNotAcknowledgedAndIsRetriedUntilKafkaTakesIt() {
        handoff.send(reading(), () -> acks++);
        kafka.errorNext(new TimeoutException("Expiring 1 record(s) for readings.traffic-0"));

        assertThat(acks).isZero();
        assertThat(counters.snapshot().kafkaFailures()).isEqualTo(1);
        assertThat(logged)
                .singleElement()
                .asString()
                .contains(
                        "readings.traffic",
                        "sensors/traffic/td-105-1u",
                        "not acknowledged to MQTT",
                        "retrying in 500 ms");

        runDueRetries();
        kafka.errorNext(new TimeoutException("again"));
        runDueRetries();
        kafka.completeNext();

        assertThat(kafka.history()).hasSize(3);
        assertThat(retryDelays).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(acks).isEqualTo(1);
        assertThat(counters.snapshot().accepted()).isEqualTo(1);
        assertThat(counters.snapshot().inFlight()).isZero();
    }

    @Test
    void rejectionsAreCountedByReasonOnceKafkaHasThem() {
        Outbound rejected =
                new Outbound(
                        "readings.rejected",
                        new byte[] {1},
                        new byte[] {2},
                        "sensors/x",
                        new ValidationOutcome.Rejected(
                                RejectionReason.BAD_TOPIC, "topic 'sensors/x' is not ..."));

        handoff.send(rejected, () -> acks++);
        assertThat(counters.snapshot().rejected(RejectionReason.BAD_TOPIC)).isZero();
        kafka.completeNext();

        assertThat(acks).isEqualTo(1);
        assertThat(counters.snapshot().rejected(RejectionReason.BAD_TOPIC)).isEqualTo(1);
        assertThat(counters.snapshot().rejectedTotal()).isEqualTo(1);
    }

    @Test
    void afterCloseAFailedWriteIsLeftForTheBrokerToRedeliver() {
        handoff.send(reading(), () -> acks++);
        handoff.close();
        kafka.errorNext(new TimeoutException("broker gone"));

        assertThat(dueRetries).isEmpty();
        assertThat(acks).isZero();
        assertThat(logged)
                .singleElement()
                .asString()
                .contains("the broker redelivers it after restart");
    }

    @Test
    void backoffDoublesUpToThirtySeconds() {
        assertThat(KafkaHandoff.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(KafkaHandoff.backoff(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(KafkaHandoff.backoff(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(KafkaHandoff.backoff(1000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aPackIsAcknowledgedOnlyOnceKafkaHasEveryOneOfItsReadings() {
        ValidationOutcome three =
                new ValidationOutcome.Accepted(
                        List.of(speed(1L, 40), speed(2L, 41), speed(3L, 42)));
        List<Outbound> pack =
                List.of(
                        new Outbound(
                                "readings.traffic", new byte[] {1}, new byte[] {1}, "t", three),
                        new Outbound(
                                "readings.traffic", new byte[] {1}, new byte[] {2}, "t", three),
                        new Outbound(
                                "readings.traffic", new byte[] {1}, new byte[] {3}, "t", three));

        handoff.send(pack, () -> acks++);
        assertThat(kafka.history()).hasSize(3);

        kafka.completeNext();
        kafka.errorNext(new TimeoutException("second record not written"));
        assertThat(acks).as("two of three outstanding").isZero();
        kafka.completeNext();
        assertThat(acks).as("one of three failed, retry pending").isZero();

        runDueRetries();
        assertThat(kafka.history()).as("only the failed record is written again").hasSize(4);
        assertThat(kafka.history().get(3).value()).isEqualTo(new byte[] {2});
        assertThat(acks).isZero();
        kafka.completeNext();

        assertThat(acks).isEqualTo(1);
        assertThat(counters.snapshot().accepted()).as("each reading counts").isEqualTo(3);
        assertThat(counters.snapshot().inFlight()).isZero();
    }
}
