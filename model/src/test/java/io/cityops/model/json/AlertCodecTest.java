package io.cityops.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Alert;
import io.cityops.model.AlertCommand;
import io.cityops.model.AlertCommandType;
import io.cityops.model.AlertState;
import io.cityops.model.Domain;
import io.cityops.model.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertCodecTest {
    @Test
    void alertWithCorrelationAndAuditFieldsRoundTrips() {
        Alert a =
                new Alert(
                        "power.outage:tr-105-1",
                        3,
                        "power.outage",
                        "tr-105-1",
                        Domain.POWER,
                        Severity.MAJOR,
                        AlertState.ACTIVE,
                        true,
                        "105",
                        List.of("power-crew-1"),
                        1L,
                        2L,
                        "unit:power-crew-1",
                        "ACKNOWLEDGE",
                        "Outage",
                        Map.of("meters", "10"),
                        "unit:power-crew-1",
                        0,
                        1,
                        null,
                        List.of("power.meter.offline:pm-105-1-01"),
                        List.of(),
                        Map.of("detector", "outage/v1"),
                        "on site");
        assertThat(JsonCodec.ALERT.decode(JsonCodec.ALERT.encode(a))).isEqualTo(a);
    }

    @Test
    void anAlertWrittenBeforeTheNewFieldsStillDecodes() {
        String old =
                "{\"alertId\":\"water.level:rs-1\",\"version\":1,\"type\":\"water.level\","
                        + "\"subjectId\":\"rs-1\",\"domain\":\"ENVIRONMENT\",\"severity\":\"MAJOR\","
                        + "\"state\":\"ACTIVE\",\"acknowledged\":false,\"districtId\":\"107\","
                        + "\"assignedUnits\":[\"rescue-north\"],\"openedAt\":1,\"updatedAt\":1,"
                        + "\"actor\":\"d\",\"change\":\"RAISE\",\"message\":null,\"attributes\":{}}";
        Alert a = JsonCodec.ALERT.decode(old.getBytes(StandardCharsets.UTF_8));
        assertThat(a.childIds()).isEmpty();
        assertThat(a.provenance()).isEmpty();
        assertThat(a.suppressed()).isFalse();
        assertThat(a.escalationLevel()).isZero();
    }

    @Test
    void unitAckRoundTripsAndNamesItsUnit() {
        AlertCommand c = AlertCommand.unitAck("water.level:rs-1", "rescue-north", 5L, "on our way");
        AlertCommand back = JsonCodec.ALERT_COMMAND.decode(JsonCodec.ALERT_COMMAND.encode(c));
        assertThat(back).isEqualTo(c);
        assertThat(back.type()).isEqualTo(AlertCommandType.ACKNOWLEDGE);
        assertThat(back.unitId()).contains("rescue-north");
    }
}
