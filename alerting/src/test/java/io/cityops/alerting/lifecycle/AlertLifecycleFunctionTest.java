package io.cityops.alerting.lifecycle;

import static io.cityops.alerting.testing.Signals.muongTeWater;
import static io.cityops.model.Severity.CRITICAL;
import static io.cityops.model.Severity.INFO;
import static io.cityops.model.Severity.MAJOR;
import static io.cityops.model.SignalAction.CLEAR;
import static io.cityops.model.SignalAction.RAISE;
import static io.cityops.model.SignalAction.UPDATE;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.alerting.correlation.Correlator;
import io.cityops.alerting.testing.Signals;
import io.cityops.model.Alert;
import io.cityops.model.AlertCommand;
import io.cityops.model.AlertCommandType;
import io.cityops.model.Signal;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lifecycle operator with its state and processing-time timers (STYLE #7). */
class AlertLifecycleFunctionTest {
    private static final long START = Signals.T0;
    private static final Correlator CORRELATOR = new Correlator(Lifecycles.CITY);
    private static final KeySelector<Signal, String> SIGNAL_GROUP =
            s -> CORRELATOR.groupOf(s.alertKey()).key();
    private static final KeySelector<AlertCommand, String> COMMAND_GROUP =
            c -> CORRELATOR.groupOf(c.alertId()).key();

    private KeyedTwoInputStreamOperatorTestHarness<String, Signal, AlertCommand, Alert> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness = newHarness();
        harness.open();
        harness.setProcessingTime(START);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, Signal, AlertCommand, Alert>
            newHarness() throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new AlertLifecycleFunction(Lifecycles.standard())),
                SIGNAL_GROUP,
                COMMAND_GROUP,
                Types.STRING);
    }

    @Test
    void openUpdateAcknowledgeClearAndForget() throws Exception {
        signal(muongTeWater(RAISE, MAJOR, ofMinutes(0)), ofMinutes(0));
        signal(muongTeWater(UPDATE, CRITICAL, ofMinutes(3)), ofMinutes(3));
        command(ack("rescue-north"), ofMinutes(4));
        signal(muongTeWater(CLEAR, INFO, ofMinutes(20)), ofMinutes(20));
        assertThat(changes()).containsExactly("v1 RAISE", "v2 UPDATE", "v3 ACKNOWLEDGE");

        at(ofMinutes(20).plus(Lifecycles.HOLD_OFF));

        assertThat(changes())
                .containsExactly("v1 RAISE", "v2 UPDATE", "v3 ACKNOWLEDGE", "v4 CLEAR");
        Alert cleared = last();
        assertThat(cleared.acknowledgedBy()).isEqualTo("unit:rescue-north");
        assertThat(cleared.severity()).isEqualTo(CRITICAL);
        assertThat(cleared.provenance()).containsEntry("detector", "water-level/v1");
        at(ofMinutes(20).plus(Lifecycles.HOLD_OFF).plus(Lifecycles.WINDOW));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void flappingInputGivesOneAlert() throws Exception {
        signal(muongTeWater(RAISE, MAJOR, ofMinutes(0)), ofMinutes(0));
        for (int i = 1; i <= 5; i++) {
            signal(muongTeWater(CLEAR, INFO, ofMinutes(2 * i)), ofMinutes(2 * i));
            signal(muongTeWater(RAISE, MAJOR, ofMinutes(2 * i + 1)), ofMinutes(2 * i + 1));
        }
        command(ack("rescue-north"), ofMinutes(12));

        at(ofMinutes(60));

        assertThat(changes()).containsExactly("v1 RAISE", "v2 ACKNOWLEDGE");
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void raiseInsideTheReopenWindowReopensTheSameAlert() throws Exception {
        signal(muongTeWater(RAISE, MAJOR, ofMinutes(0)), ofMinutes(0));
        command(ack("rescue-north"), ofMinutes(1));
        signal(muongTeWater(CLEAR, INFO, ofMinutes(5)), ofMinutes(5));
        at(ofMinutes(8));
        signal(muongTeWater(RAISE, MAJOR, ofMinutes(20)), ofMinutes(20));

        assertThat(changes())
                .containsExactly("v1 RAISE", "v2 ACKNOWLEDGE", "v3 CLEAR", "v4 REOPEN");
        Alert reopened = last();
        assertThat(reopened.openedAt()).isEqualTo(Signals.at(ofMinutes(0)));
        assertThat(reopened.acknowledged()).isFalse(); // a new round needs a new answer
        assertThat(reopened.assignedUnits()).containsExactly("rescue-north");
    }

    @Test
    void escalationFiresExactlyOnceWhenNobodyAcknowledges() throws Exception {
        signal(muongTeWater(RAISE, MAJOR, ofMinutes(0)), ofMinutes(0));
        at(Lifecycles.MAJOR_DEADLINE.minusSeconds(1));
        assertThat(changes()).containsExactly("v1 RAISE");

        at(Lifecycles.MAJOR_DEADLINE);
        at(Lifecycles.MAJOR_DEADLINE.plus(ofMinutes(60)));

        assertThat(changes()).containsExactly("v1 RAISE", "v2 ESCALATE");
        Alert escalated = last();
        assertThat(escalated.escalationLevel()).isEqualTo(1);
        assertThat(escalated.severity()).isEqualTo(CRITICAL);
        assertThat(escalated.assignedUnits())
                .containsExactly("rescue-north", "rescue-south", "ioc-duty");
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void escalationNeverFiresWhenAcknowledgedInTime() throws Exception {
        signal(muongTeWater(RAISE, MAJOR, ofMinutes(0)), ofMinutes(0));
        command(ack("rescue-north"), Lifecycles.MAJOR_DEADLINE.minusSeconds(1));

        at(ofMinutes(120));

        assertThat(changes()).containsExactly("v1 RAISE", "v2 ACKNOWLEDGE");
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void shelvingStopsEscalationUntilItEnds() throws Exception {
        signal(muongTeWater(RAISE, MAJOR, ofMinutes(0)), ofMinutes(0));
        long until = Signals.at(ofMinutes(40));
        command(
                new AlertCommand(
                        Signals.MUONG_TE_ALERT,
                        AlertCommandType.SHELVE,
                        "operator:lan",
                        Signals.at(ofMinutes(1)),
                        "hydropower release announced",
                        null,
                        until),
                ofMinutes(1));

        at(ofMinutes(39));
        assertThat(changes()).containsExactly("v1 RAISE", "v2 SHELVE");

        at(ofMinutes(40));
        at(ofMinutes(40).plus(Lifecycles.MAJOR_DEADLINE));
        assertThat(changes())
                .containsExactly("v1 RAISE", "v2 SHELVE", "v3 UNSHELVE", "v4 ESCALATE");
    }

    @Test
    void aUnitMayNotAcknowledgeAnAlertThatIsNotItsOwn() throws Exception {
        signal(muongTeWater(RAISE, MAJOR, ofMinutes(0)), ofMinutes(0));
        command(ack("ranger-muongte"), ofMinutes(1));

        at(Lifecycles.MAJOR_DEADLINE);

        assertThat(changes()).containsExactly("v1 RAISE", "v2 ESCALATE");
    }

    @Test
    void aJobRestoredFromASnapshotKeepsItsAlertsAndPendingTimers() throws Exception {
        signal(muongTeWater(RAISE, MAJOR, ofMinutes(0)), ofMinutes(0));
        signal(muongTeWater(UPDATE, MAJOR, ofMinutes(2)), ofMinutes(2));
        OperatorSubtaskState snapshot = harness.snapshot(1L, START + ofMinutes(3).toMillis());
        harness.close();

        harness = newHarness();
        harness.setProcessingTime(START + ofMinutes(3).toMillis());
        harness.initializeState(snapshot);
        harness.open();
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
        command(ack("ranger-muongte"), ofMinutes(4)); // still refused: the assignment survived

        at(Lifecycles.MAJOR_DEADLINE);
        at(ofMinutes(90));

        assertThat(changes()).containsExactly("v3 ESCALATE");
        command(ack("rescue-north"), ofMinutes(91));
        assertThat(changes()).containsExactly("v3 ESCALATE", "v4 ACKNOWLEDGE");
    }

    private void signal(Signal s, Duration at) throws Exception {
        at(at);
        harness.processElement1(s, s.eventTime());
    }

    private void command(AlertCommand c, Duration at) throws Exception {
        at(at);
        harness.processElement2(c, c.time());
    }

    private void at(Duration sinceStart) throws Exception {
        harness.setProcessingTime(START + sinceStart.toMillis());
    }

    private static AlertCommand ack(String unit) {
        return AlertCommand.unitAck(Signals.MUONG_TE_ALERT, unit, 0, null);
    }

    private List<String> changes() {
        return harness.extractOutputValues().stream()
                .map(a -> "v" + a.version() + " " + a.change())
                .toList();
    }

    private Alert last() {
        List<Alert> all = harness.extractOutputValues();
        return all.get(all.size() - 1);
    }
}
