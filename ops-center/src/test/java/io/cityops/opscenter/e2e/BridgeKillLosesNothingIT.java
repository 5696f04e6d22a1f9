package io.cityops.opscenter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cityops.ingest.IngestMain;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.Topics;
import io.cityops.model.json.JsonCodec;
import io.cityops.opscenter.OpsCenter;
import io.cityops.opscenter.security.BrokerPolicy;
import io.cityops.opscenter.support.Device;
import io.cityops.opscenter.support.KafkaProbe;
import io.cityops.opscenter.support.TestStack;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bridge process is killed with SIGKILL (no clean disconnect, no producer flush) while a device
 * keeps publishing at QoS 1; a new bridge with the same client id takes over the persistent
 * session. Every reading the device published must be in Kafka afterwards: duplicates are allowed,
 * losses are not. This proves the manual MQTT acks: the broker redelivers whatever the killed
 * bridge had not yet acknowledged, and it acknowledged nothing Kafka had not acknowledged.
 */
class BridgeKillLosesNothingIT {
    private static final String DETECTOR = "td-105-1u";
    private static final int READINGS = 3_000;
    private static OpsCenter stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = TestStack.start(Map.of("opscenter.ingest", "false"));
    }

    /** Bridge processes this test started; none may outlive it, whatever the outcome. */
    private static final List<Process> bridges = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterAll
    static void stopStack() throws InterruptedException {
        for (Process p : bridges) {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void killedBridgeLosesNoReading() throws Exception {
        String topic = Topics.sensor(Domain.TRAFFIC, DETECTOR);
        try (KafkaProbe readings =
                        new KafkaProbe(
                                stack.config().kafkaBootstrap(), Topics.readings(Domain.TRAFFIC));
                Device device =
                        new Device(
                                stack.config().mqttUri(),
                                DETECTOR,
                                TestStack.password(stack, DETECTOR))) {
            Process first = startBridge();
            long base = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
            CompletableFuture<Void> publishing =
                    CompletableFuture.runAsync(
                            () -> {
                                try {
                                    for (int i = 0; i < READINGS; i++) {
                                        device.publish(topic, payload(base + i * 100L, i));
                                    }
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            });

            // Kill the bridge mid-stream, once it has forwarded part of the readings.
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> {
                                if (publishing.isCompletedExceptionally()) {
                                    publishing.join(); // surfaces the device's failure instead of a
                                    // timeout
                                }
                                return seqs(readings).size() >= READINGS / 5;
                            });
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            int seenAtKill = seqs(readings).size();

            Process second = startBridge();
            try {
                publishing.get(120, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(120))
                        .untilAsserted(() -> assertThat(seqs(readings)).hasSize(READINGS));
                assertThat(seenAtKill).isLessThan(READINGS);
            } finally {
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Set<Long> seqs(KafkaProbe probe) {
        return probe.records().stream()
                .map(r -> JsonCodec.READING.decode(r.value()))
                .filter(r -> r.sensorId().equals(DETECTOR))
                .map(Reading::seq)
                .collect(Collectors.toSet());
    }

    private static String payload(long ts, long seq) {
        return "{\"sensorId\":\"%s\",\"ts\":%d,\"seq\":%d,\"metrics\":{\"speedKmh\":%.1f,\"occupancy\":12.5,\"vehicleCount\":7}}"
                .formatted(DETECTOR, ts, seq, 40.0 + seq % 20);
    }

    /** Starts a bridge as its own JVM, the way a deployment runs it, and waits until subscribed. */
    private static Process startBridge() throws Exception {
        String java =
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p =
                new ProcessBuilder(
                                List.of(
                                        java,
                                        "-Xmx256m",
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        IngestMain.class.getName(),
                                        "--mqtt.uri=" + stack.config().mqttUri(),
                                        "--kafka.bootstrap=" + stack.config().kafkaBootstrap(),
                                        "--ingest.client-id=kill-test-bridge",
                                        "--mqtt.username=" + BrokerPolicy.INGEST_USER,
                                        "--mqtt.password="
                                                + TestStack.password(
                                                        stack, BrokerPolicy.INGEST_USER)))
                        .redirectErrorStream(true)
                        .start();
        bridges.add(p);
        CountDownLatch subscribed = new CountDownLatch(1);
        Thread pump =
                new Thread(
                        () -> {
                            try (BufferedReader out =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    p.getInputStream(), StandardCharsets.UTF_8))) {
                                String line;
                                while ((line = out.readLine()) != null) {
                                    System.out.println("[bridge " + p.pid() + "] " + line);
                                    if (line.contains("subscribed to")) {
                                        subscribed.countDown();
                                    }
                                }
                            } catch (Exception e) {
                                // process gone
                            }
                        });
        pump.setDaemon(true);
        pump.start();
        if (!subscribed.await(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("bridge process did not subscribe within 60 s");
        }
        return p;
    }
}
