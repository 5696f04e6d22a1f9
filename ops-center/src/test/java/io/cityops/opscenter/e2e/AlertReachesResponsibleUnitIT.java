package io.cityops.opscenter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cityops.model.Alert;
import io.cityops.model.AlertState;
import io.cityops.model.Domain;
import io.cityops.model.Topics;
import io.cityops.opscenter.OpsCenter;
import io.cityops.opscenter.support.Device;
import io.cityops.opscenter.support.FieldUnitClient;
import io.cityops.opscenter.support.TestStack;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The spine end to end: a river gauge publishes over MQTT, the bridge puts the readings on Kafka,
 * the detection job sees the river cross alarm level I, the lifecycle job opens an alert, and the
 * dispatcher delivers it to the disaster-response unit of that district — and to no other unit.
 */
class AlertReachesResponsibleUnitIT {
    private static final String GAUGE = "wl-107-muongte"; // Mường Tè, Đà river: level I 286.00 m
    private static OpsCenter stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = TestStack.start(Map.of());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void risingRiverAtMuongTeReachesRescueNorthAndNobodyElse() throws Exception {
        String broker = stack.config().mqttUri();
        try (FieldUnitClient north = unit(broker, "rescue-north");
                FieldUnitClient south = unit(broker, "rescue-south");
                FieldUnitClient rangers = unit(broker, "ranger-muongte");
                Device gauge = new Device(broker, GAUGE, TestStack.password(stack, GAUGE))) {
            String topic = Topics.sensor(Domain.ENVIRONMENT, GAUGE);
            long start = System.currentTimeMillis() - Duration.ofMinutes(30).toMillis();
            // Thirty minutes of readings, one a minute, rising from 284.00 m past level I (286.00
            // m).
            for (int i = 0; i < 30; i++) {
                double levelCm = 28_400 + i * 10;
                gauge.publish(topic, reading(GAUGE, start + i * 60_000L, i, levelCm));
            }

            // 10 cm/min is also a fast rise: water.rise (from minute 10) reaches the same unit,
            // in whatever order; the level alert is the one checked here.
            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(
                            () ->
                                    assertThat(north.received())
                                            .extracting(Alert::type)
                                            .contains("water.level", "water.rise"));
            Alert alert =
                    north.received().stream()
                            .filter(a -> a.type().equals("water.level"))
                            .findFirst()
                            .orElseThrow();
            assertThat(alert.subjectId()).isEqualTo("rs-107-muongte");
            assertThat(alert.districtId()).isEqualTo("107");
            assertThat(alert.state()).isEqualTo(AlertState.ACTIVE);
            assertThat(alert.assignedUnits()).containsExactly("rescue-north");

            // A unit of another area, and a unit of the same area with another trade, get nothing.
            await().during(Duration.ofSeconds(5))
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(
                            () -> {
                                assertThat(south.received()).isEmpty();
                                assertThat(rangers.received()).isEmpty();
                            });
        }
    }

    private static FieldUnitClient unit(String broker, String unitId) throws Exception {
        return new FieldUnitClient(broker, unitId, TestStack.password(stack, unitId));
    }

    static String reading(String sensorId, long ts, long seq, double waterLevelCm) {
        return "{\"sensorId\":\"%s\",\"ts\":%d,\"seq\":%d,\"metrics\":{\"waterLevelCm\":%.1f}}"
                .formatted(sensorId, ts, seq, waterLevelCm);
    }
}
