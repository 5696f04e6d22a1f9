package io.cityops.ingest.registry;

import static io.cityops.ingest.registry.LiveSensorRegistryTest.GAUGE;
import static io.cityops.ingest.registry.LiveSensorRegistryTest.NEW_GAUGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorRegistration;
import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegistryFollowerTest {
    private static final String TOPIC = "registry";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final LiveSensorRegistry registry = new LiveSensorRegistry(List.of(GAUGE));
    private RegistryFollower follower;

    @AfterEach
    void stop() throws Exception {
        if (follower != null) {
            follower.close();
        }
    }

    private RegistryFollower follower() {
        follower = new RegistryFollower(() -> consumer, registry, TOPIC, "test");
        return follower;
    }

    private void topicWithTwoPartitions(long endP0, long endP1) {
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(
                TOPIC,
                List.of(
                        new PartitionInfo(TOPIC, 0, node, new Node[0], new Node[0]),
                        new PartitionInfo(TOPIC, 1, node, new Node[0], new Node[0])));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(Map.of(P0, endP0, P1, endP1));
    }

    private static ConsumerRecord<byte[], byte[]> record(
            TopicPartition p, long offset, String key, byte[] value) {
        return new ConsumerRecord<>(
                p.topic(),
                p.partition(),
                offset,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value);
    }

    private static byte[] json(SensorRegistration e) {
        return JsonCodec.REGISTRATION.encode(e);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void catchUpAppliesEveryEntryAndSkipsBadRecordsBeforeStartReturns() throws Exception {
        topicWithTwoPartitions(4, 3);
        Sensor moved =
                new Sensor(
                        GAUGE.id(),
                        GAUGE.kind(),
                        "109",
                        "rs-109-namgiang",
                        GAUGE.location(),
                        GAUGE.heartbeatSec());
        consumer.schedulePollTask(
                () -> {
                    consumer.addRecord(
                            record(P0, 0, NEW_GAUGE.id(), json(SensorRegistration.of(NEW_GAUGE))));
                    consumer.addRecord(record(P0, 1, "aq-1", utf8("{not json")));
                    consumer.addRecord(record(P0, 2, null, json(SensorRegistration.of(NEW_GAUGE))));
                    consumer.addRecord(
                            record(P0, 3, "wl-other", json(SensorRegistration.of(NEW_GAUGE))));
                    consumer.addRecord(
                            record(P1, 0, GAUGE.id(), json(SensorRegistration.of(moved))));
                    consumer.addRecord(
                            record(P1, 1, "aq-9/x", json(SensorRegistration.retirement("aq-9/x"))));
                    consumer.addRecord(record(P1, 2, "wl-gone", null));
                });

        assertThat(follower().start(Duration.ofSeconds(10))).isTrue();

        assertThat(follower.caughtUp()).isTrue();
        assertThat(registry.sensor(NEW_GAUGE.id())).contains(NEW_GAUGE);
        assertThat(registry.sensor(GAUGE.id())).contains(moved);
        assertThat(registry.retired("wl-gone")).isTrue(); // a tombstone retires its key
        assertThat(registry.sensor("aq-9/x")).isEmpty();
        assertThat(registry.sensors()).containsExactlyInAnyOrder(NEW_GAUGE, moved);
        assertThat(follower.skipped()).isEqualTo(4); // not JSON, no key, key mismatch, bad id
    }

    @Test
    void changesAfterTheCatchUpAreFollowed() throws Exception {
        topicWithTwoPartitions(0, 0);
        assertThat(follower().start(Duration.ofSeconds(10))).isTrue();
        assertThat(registry.sensor(GAUGE.id())).contains(GAUGE);

        consumer.schedulePollTask(
                () ->
                        consumer.addRecord(
                                record(
                                        P1,
                                        0,
                                        GAUGE.id(),
                                        json(SensorRegistration.retirement(GAUGE.id())))));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (registry.sensor(GAUGE.id()).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(registry.sensor(GAUGE.id())).isEmpty();
        assertThat(registry.retired(GAUGE.id())).isTrue();
    }

    @Test
    void startGivesUpWaitingAfterTheTimeoutAndKeepsTheCityModel() throws Exception {
        topicWithTwoPartitions(5, 0); // five entries that never arrive

        assertThat(follower().start(Duration.ofMillis(300))).isFalse();

        assertThat(follower.caughtUp()).isFalse();
        assertThat(registry.sensors()).containsExactly(GAUGE);
    }

    @Test
    void withoutARegistryTopicTheViewStaysTheCityModel() throws Exception {
        consumer.updatePartitions(TOPIC, List.of());

        assertThat(follower().start(Duration.ofSeconds(10))).isTrue();

        assertThat(registry.sensors()).containsExactly(GAUGE);
    }

    @Test
    void decodeReadsRegistrationsRetirementsAndTombstones() {
        assertThat(
                        RegistryFollower.decode(
                                utf8(NEW_GAUGE.id()), json(SensorRegistration.of(NEW_GAUGE))))
                .isEqualTo(SensorRegistration.of(NEW_GAUGE));
        assertThat(
                        RegistryFollower.decode(
                                utf8("wl-200-muongte-b"),
                                utf8("{\"sensorId\":\"wl-200-muongte-b\",\"retired\":true}")))
                .isEqualTo(SensorRegistration.retirement("wl-200-muongte-b"));
        assertThat(RegistryFollower.decode(utf8("wl-1"), null))
                .isEqualTo(SensorRegistration.retirement("wl-1"));
    }

    @Test
    void decodeSaysWhyARecordCannotBeApplied() {
        assertThatThrownBy(() -> RegistryFollower.decode(null, utf8("{}")))
                .hasMessageContaining("no key");
        assertThatThrownBy(() -> RegistryFollower.decode(utf8("x"), utf8("[1")))
                .hasMessageContaining("not a valid SensorRegistration");
        assertThatThrownBy(
                        () ->
                                RegistryFollower.decode(
                                        utf8("wl-x"), json(SensorRegistration.of(NEW_GAUGE))))
                .hasMessageContaining("key 'wl-x' differs from the entry's sensorId");
        assertThatThrownBy(
                        () ->
                                RegistryFollower.decode(
                                        utf8("wl-x"),
                                        utf8(
                                                "{\"sensorId\":\"wl-x\",\"sensor\":{\"id\":\"wl-x\","
                                                        + "\"districtId\":\"107\",\"subjectId\":\"rs\","
                                                        + "\"heartbeatSec\":60}}")))
                .hasMessageContaining("lacks kind");
        assertThatThrownBy(
                        () ->
                                RegistryFollower.decode(
                                        utf8("a+b"), json(SensorRegistration.retirement("a+b"))))
                .hasMessageContaining("cannot be a topic level");
    }
}
