package io.cityops.alerting.dispatch;

import static io.cityops.alerting.testing.Alerts.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.alerting.testing.Alerts;
import io.cityops.model.Alert;
import io.cityops.model.Topics;
import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class DeliveryPlannerTest {
    private static final String FIRE = "forest.fire:forest-110-a";
    private final DeliveryPlanner planner = new DeliveryPlanner();

    @Test
    void everyVersionIsDeliveredInRecordOrderAndOffsetsFollowTheLastRecord() {
        Alert water1 = Alerts.muongTeRaised();
        Alert fire1 = version(FIRE, 1, "RAISE", List.of("ranger-south", "rescue-south"));
        Alert water2 = version(water1.alertId(), 2, "CLEAR", List.of("rescue-north"));

        DeliveryPlan plan =
                planner.plan(
                        List.of(record(0, 10, water1), record(1, 3, fire1), record(0, 11, water2)));

        assertThat(plan.deliveries())
                .extracting(Delivery::alert)
                .containsExactly(water1, fire1, water2);
        assertThat(plan.messages()).isEqualTo(4);
        assertThat(plan.commit())
                .isEqualTo(
                        Map.of(
                                new TopicPartition(Topics.ALERTS, 0), new OffsetAndMetadata(12),
                                new TopicPartition(Topics.ALERTS, 1), new OffsetAndMetadata(4)));
    }

    @Test
    void payloadIsForwardedAsTheLifecycleWroteIt() {
        byte[] withNewerField =
                ("{\"alertId\":\"water.level:rs-107-muongte\",\"version\":1,\"type\":\"water.level\","
                                + "\"subjectId\":\"rs-107-muongte\",\"domain\":\"ENVIRONMENT\",\"severity\":\"MAJOR\","
                                + "\"state\":\"ACTIVE\",\"assignedUnits\":[\"rescue-north\"],\"attributes\":{},"
                                + "\"capUrgency\":\"Immediate\"}")
                        .getBytes(StandardCharsets.UTF_8);

        DeliveryPlan plan = planner.plan(List.of(raw(0, 1, withNewerField)));

        assertThat(plan.deliveries())
                .singleElement()
                .satisfies(d -> assertThat(d.payload()).isEqualTo(withNewerField));
    }

    @Test
    void tombstonesGarbageAndUnassignedAlertsAreSkippedButCommitted() {
        Alert nobody = version("air.aqi:107", 1, "RAISE", List.of());

        DeliveryPlan plan =
                planner.plan(
                        List.of(
                                raw(0, 5, null),
                                raw(0, 6, "{broken".getBytes(StandardCharsets.UTF_8)),
                                record(0, 7, nobody)));

        assertThat(plan.deliveries()).isEmpty();
        assertThat(plan.commit())
                .isEqualTo(Map.of(new TopicPartition(Topics.ALERTS, 0), new OffsetAndMetadata(8)));
    }

    @Test
    void deliveryDescribesItselfForTheOperatorsLog() {
        Delivery delivery = new Delivery(Alerts.muongTeRaised(), new byte[0]);

        assertThat(delivery.describe())
                .isEqualTo("water.level:rs-107-muongte v1 RAISE MAJOR → rescue-north");
    }

    private static ConsumerRecord<String, byte[]> record(int partition, long offset, Alert alert) {
        return new ConsumerRecord<>(
                Topics.ALERTS, partition, offset, alert.alertId(), JsonCodec.ALERT.encode(alert));
    }

    private static ConsumerRecord<String, byte[]> raw(int partition, long offset, byte[] value) {
        return new ConsumerRecord<>(Topics.ALERTS, partition, offset, "key", value);
    }

    @Test
    void absorbedChildrenAndCommentsReachNoUnitButAbsorptionItselfDoes() {
        io.cityops.model.Alert base = Alerts.muongTeRaised();
        io.cityops.model.Alert child = withChange(base, "UPDATE", "power.outage:tr-1");
        io.cityops.model.Alert absorbed = withChange(base, "CORRELATE", "power.outage:tr-1");
        io.cityops.model.Alert comment = withChange(base, "COMMENT", null);

        assertThat(DeliveryPlanner.concernsUnits(child)).isFalse();
        assertThat(DeliveryPlanner.concernsUnits(absorbed)).isTrue();
        assertThat(DeliveryPlanner.concernsUnits(comment)).isFalse();
        assertThat(DeliveryPlanner.concernsUnits(base)).isTrue();
    }

    private static io.cityops.model.Alert withChange(
            io.cityops.model.Alert a, String change, String parentId) {
        return new io.cityops.model.Alert(
                a.alertId(),
                a.version(),
                a.type(),
                a.subjectId(),
                a.domain(),
                a.severity(),
                a.state(),
                a.acknowledged(),
                a.districtId(),
                a.assignedUnits(),
                a.openedAt(),
                a.updatedAt(),
                a.actor(),
                change,
                a.message(),
                a.attributes(),
                null,
                0,
                0,
                parentId,
                java.util.List.of(),
                java.util.List.of(),
                java.util.Map.of(),
                null);
    }
}
