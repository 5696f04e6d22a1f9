package io.cityops.opscenter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cityops.model.Domain;
import io.cityops.model.RejectedReading;
import io.cityops.model.RejectionReason;
import io.cityops.model.Topics;
import io.cityops.model.json.JsonCodec;
import io.cityops.opscenter.OpsCenter;
import io.cityops.opscenter.support.Device;
import io.cityops.opscenter.support.KafkaProbe;
import io.cityops.opscenter.support.TestStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed input through the real broker and bridge: each payload lands in {@code
 * readings.rejected} with its original bytes, its topic and its own reason, and the bridge keeps
 * forwarding good readings afterwards.
 */
class MalformedPayloadsRejectedIT {
    private static final String AQ = "aq-105-1";
    private static final String AQ_TOPIC = Topics.sensor(Domain.ENVIRONMENT, AQ);
    private static OpsCenter stack;
    private static KafkaProbe rejected;
    private static KafkaProbe accepted;

    @BeforeAll
    static void startStack() throws Exception {
        stack = TestStack.start(Map.of());
        rejected = new KafkaProbe(stack.config().kafkaBootstrap(), Topics.READINGS_REJECTED);
        accepted =
                new KafkaProbe(
                        stack.config().kafkaBootstrap(), Topics.readings(Domain.ENVIRONMENT));
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (rejected != null) {
            rejected.close();
            accepted.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    // An unknown sensor, or a sensor writing to a topic other than its own, no longer gets past the
    // broker (BrokerSecurityIT); the bridge's own checks for them stay in ReadingValidatorTest.
    static Stream<Arguments> malformed() {
        long now = System.currentTimeMillis();
        long future = now + Duration.ofDays(2).toMillis();
        byte[] oversize = new byte[64 * 1024];
        Arrays.fill(oversize, (byte) ' ');
        return Stream.of(
                Arguments.of("not JSON", AQ_TOPIC, bytes("pm25=12"), RejectionReason.NOT_JSON),
                Arguments.of(
                        "wrong type of value",
                        AQ_TOPIC,
                        bytes(json(AQ, now, "\"pm25\":\"twelve\"")),
                        RejectionReason.NON_NUMERIC_VALUE),
                Arguments.of(
                        "metrics not an object",
                        AQ_TOPIC,
                        bytes("{\"sensorId\":\"aq-105-1\",\"ts\":" + now + ",\"metrics\":[1,2]}"),
                        RejectionReason.MALFORMED),
                Arguments.of(
                        "payload names another sensor",
                        AQ_TOPIC,
                        bytes(json("aq-105-2", now, "\"pm25\":12")),
                        RejectionReason.TOPIC_MISMATCH),
                Arguments.of(
                        "NaN",
                        AQ_TOPIC,
                        bytes(json(AQ, now, "\"pm25\":NaN")),
                        RejectionReason.NON_FINITE_VALUE),
                Arguments.of(
                        "Infinity",
                        AQ_TOPIC,
                        bytes(json(AQ, now, "\"pm25\":Infinity")),
                        RejectionReason.NON_FINITE_VALUE),
                Arguments.of("oversize", AQ_TOPIC, oversize, RejectionReason.OVERSIZE),
                Arguments.of(
                        "far-future timestamp",
                        AQ_TOPIC,
                        bytes(json(AQ, future, "\"pm25\":12")),
                        RejectionReason.FUTURE_TIMESTAMP),
                Arguments.of(
                        "empty metrics",
                        AQ_TOPIC,
                        bytes(json(AQ, now, "")),
                        RejectionReason.EMPTY_METRICS),
                Arguments.of(
                        "metric of another domain",
                        AQ_TOPIC,
                        bytes(json(AQ, now, "\"speedKmh\":40")),
                        RejectionReason.UNKNOWN_METRIC),
                Arguments.of(
                        "physically impossible",
                        AQ_TOPIC,
                        bytes(json(AQ, now, "\"humidityPct\":140")),
                        RejectionReason.OUT_OF_RANGE));
    }

    @ParameterizedTest(name = "{0} → {3}")
    @MethodSource("malformed")
    void lands_in_readings_rejected_with_its_reason(
            String what, String topic, byte[] payload, RejectionReason reason) throws Exception {
        try (Device device = aq()) {
            device.publish(topic, payload);
        }
        String original = Base64.getEncoder().encodeToString(payload);
        await().atMost(Duration.ofSeconds(30)).until(() -> find(original).isPresent());
        RejectedReading r = find(original).orElseThrow();
        assertThat(r.reason()).as(what).isEqualTo(reason);
        assertThat(r.topic()).isEqualTo(topic);
        assertThat(r.detail()).isNotBlank();
    }

    @Test
    void bridgeKeepsForwardingGoodReadingsAfterBadOnes() throws Exception {
        long ts = System.currentTimeMillis();
        try (Device device = aq()) {
            device.publish(AQ_TOPIC, bytes("this is not json"));
            device.publish(AQ_TOPIC, bytes(json(AQ, ts, "\"pm25\":31.5,\"pm10\":55")));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                accepted.records().stream()
                                        .map(r -> JsonCodec.READING.decode(r.value()))
                                        .anyMatch(
                                                r ->
                                                        r.sensorId().equals(AQ)
                                                                && r.ts() == ts
                                                                && r.metrics().get("pm25")
                                                                        == 31.5));
    }

    private static Device aq() throws Exception {
        return new Device(stack.config().mqttUri(), AQ, TestStack.password(stack, AQ));
    }

    private static Optional<RejectedReading> find(String payloadBase64) {
        return rejected.records().stream()
                .map(r -> JsonCodec.REJECTED.decode(r.value()))
                .filter(r -> r.payloadBase64().equals(payloadBase64))
                .findFirst();
    }

    private static String json(String sensorId, long ts, String metrics) {
        return "{\"sensorId\":\""
                + sensorId
                + "\",\"ts\":"
                + ts
                + ",\"metrics\":{"
                + metrics
                + "}}";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
