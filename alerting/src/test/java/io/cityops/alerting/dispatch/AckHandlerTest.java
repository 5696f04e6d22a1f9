package io.cityops.alerting.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.alerting.testing.Alerts;
import io.cityops.alerting.testing.Signals;
import io.cityops.model.AlertCommand;
import io.cityops.model.AlertCommandType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AckHandlerTest {
    private final AssignmentTable table = new AssignmentTable();
    private final AckHandler handler = new AckHandler(table);

    @Test
    void assignedUnitsAckBecomesAnAcknowledgeCommandNamingTheUnit() {
        table.update(Alerts.muongTeRaised());

        AlertCommand c =
                handler.handle(
                                "units/rescue-north/acks",
                                json(
                                        "{\"alertId\":\""
                                                + Signals.MUONG_TE_ALERT
                                                + "\",\"comment\":\"on our way\"}"),
                                42L)
                        .orElseThrow();

        assertThat(c.type()).isEqualTo(AlertCommandType.ACKNOWLEDGE);
        assertThat(c.unitId()).contains("rescue-north");
        assertThat(c.comment()).isEqualTo("on our way");
        assertThat(c.time()).isEqualTo(42L);
        assertThat(handler.rejected()).isZero();
    }

    @Test
    void ackOfAnotherUnitsOrAnUnknownAlertIsRefusedAndCounted() {
        table.update(Alerts.muongTeRaised());

        assertThat(handler.handle("units/ranger-muongte/acks", ack(Signals.MUONG_TE_ALERT), 1L))
                .isEmpty();
        assertThat(handler.handle("units/rescue-north/acks", ack("forest.fire:nowhere"), 1L))
                .isEmpty();
        assertThat(handler.handle("units/rescue-north/acks", json("not json"), 1L)).isEmpty();
        assertThat(handler.rejected()).isEqualTo(3);
    }

    @Test
    void aReassignedAlertCanNoLongerBeAckedByItsFormerUnit() {
        table.update(Alerts.muongTeRaised());
        table.update(Alerts.version(Signals.MUONG_TE_ALERT, 2, "ASSIGN", List.of("rescue-south")));
        table.update(Alerts.muongTeRaised()); // an older version read late changes nothing

        assertThat(handler.handle("units/rescue-north/acks", ack(Signals.MUONG_TE_ALERT), 1L))
                .isEmpty();
        assertThat(handler.handle("units/rescue-south/acks", ack(Signals.MUONG_TE_ALERT), 1L))
                .isPresent();
    }

    private static byte[] ack(String alertId) {
        return json("{\"alertId\":\"" + alertId + "\"}");
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
