package io.cityops.jobs.detection.power;

import static io.cityops.jobs.detection.power.PowerFixtures.TR;
import static io.cityops.jobs.detection.power.PowerFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outage decision: share threshold (inclusive), the 2-minute window, updates, hysteresis. */
class OutageRuleTest {
    private final OutageRule rule = new OutageRule(PowerParams.DEFAULTS);

    /** {@code n} meters gone dark, the i-th at {@code start + i × stepSeconds}. */
    private static List<OutageRule.Dark> dark(int n, double startMinute, int stepSeconds) {
        List<OutageRule.Dark> d = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            d.add(
                    new OutageRule.Dark(
                            PowerFixtures.customer(i),
                            i % 2 == 0 ? MeterLight.LAST_GASP : MeterLight.SILENT,
                            minute(startMinute) + (i - 1) * stepSeconds * 1000L));
        }
        return d;
    }

    private OutageRule.Step eval(OutageState s, List<OutageRule.Dark> d, double atMinute) {
        return rule.evaluate(s, TR, "105", d, 10, minute(atMinute));
    }

    @Test
    void exactlySixtyPercentDarkWithinTwoMinutesIsOneOutage() {
        OutageRule.Step step = eval(OutageState.INITIAL, dark(6, 10, 10), 11);

        Signal s = step.signal().orElseThrow();
        assertThat(s.type()).isEqualTo("power.outage");
        assertThat(s.subjectId()).isEqualTo(TR);
        assertThat(s.action()).isEqualTo(SignalAction.RAISE);
        assertThat(s.severity()).isEqualTo(Severity.MAJOR);
        assertThat(s.attributes())
                .containsEntry("affectedCustomers", "6")
                .containsEntry("customers", "10")
                .containsEntry("lastGasps", "3")
                .containsEntry("silent", "3")
                .containsEntry(
                        "meters",
                        "pm-105-1-01,pm-105-1-02,pm-105-1-03,pm-105-1-04,pm-105-1-05,pm-105-1-06");
        assertThat(step.state().raised()).isTrue();
    }

    @Test
    void aMeterSilentSinceJustBeforeTheGaspsJoinsTheOutage() {
        OutageState raised = eval(OutageState.INITIAL, dark(6, 10, 10), 11).state();
        List<OutageRule.Dark> withSilent = new ArrayList<>(dark(6, 10, 10));
        // last heard 50 s before the first gasp, found silent three heartbeats later
        withSilent.add(new OutageRule.Dark("pm-105-1-07", MeterLight.SILENT, minute(10) - 50_000));

        OutageRule.Step step = eval(raised, withSilent, 13);

        assertThat(step.signal().orElseThrow().attributes())
                .containsEntry("affectedCustomers", "7")
                .containsEntry("silent", "4");
    }

    @Test
    void fiftyPercentDarkIsNoOutage() {
        OutageRule.Step step = eval(OutageState.INITIAL, dark(5, 10, 10), 11);

        assertThat(step.signal()).isEmpty();
        assertThat(step.state()).isEqualTo(OutageState.INITIAL);
    }

    @Test
    void meterFailuresSpreadOverMoreThanTheWindowAreNoOutage() {
        // six meters dark, but 50 s apart: no two minutes hold more than three of them
        OutageRule.Step step = eval(OutageState.INITIAL, dark(6, 10, 50), 20);

        assertThat(step.signal()).isEmpty();
    }

    @Test
    void moreDarkCustomersUpdateTheOutageTheSameCountDoesNot() {
        OutageState raised = eval(OutageState.INITIAL, dark(6, 10, 10), 11).state();

        OutageRule.Step same = eval(raised, dark(6, 10, 10), 12);
        OutageRule.Step more = eval(raised, dark(8, 10, 10), 13);

        assertThat(same.signal()).isEmpty();
        assertThat(more.signal().orElseThrow().action()).isEqualTo(SignalAction.UPDATE);
        assertThat(more.signal().get().attributes()).containsEntry("affectedCustomers", "8");
    }

    @Test
    void metersComingBackOneByOneAreNotReportedEachButTheClearSaysWhoIsStillDark() {
        OutageState raised = eval(OutageState.INITIAL, dark(10, 10, 5), 11).state();

        OutageRule.Step nine = eval(raised, dark(9, 10, 5), 15);
        OutageRule.Step six = eval(nine.state(), dark(6, 10, 5), 15.5);
        OutageRule.Step one = eval(six.state(), dark(1, 10, 5), 16);
        OutageRule.Step cleared = eval(one.state(), dark(1, 10, 5), 18);

        assertThat(nine.signal()).isEmpty();
        assertThat(six.signal()).isEmpty();
        assertThat(one.signal()).isEmpty();
        assertThat(cleared.signal().orElseThrow().attributes())
                .containsEntry("affectedCustomers", "1")
                .containsEntry("meters", "pm-105-1-01");
    }

    @Test
    void clearsOnlyAfterTheShareStayedBelowForTheHoldOff() {
        OutageState raised = eval(OutageState.INITIAL, dark(8, 10, 10), 11).state();

        OutageRule.Step below = eval(raised, dark(5, 10, 10), 20);
        OutageRule.Step stillHolding = eval(below.state(), dark(5, 10, 10), 21.9);
        OutageRule.Step cleared = eval(stillHolding.state(), dark(5, 10, 10), 22);

        assertThat(below.signal()).isEmpty();
        assertThat(stillHolding.signal()).isEmpty();
        Signal clear = cleared.signal().orElseThrow();
        assertThat(clear.action()).isEqualTo(SignalAction.CLEAR);
        assertThat(clear.eventTime()).isEqualTo(minute(22));
        assertThat(cleared.state()).isEqualTo(OutageState.INITIAL);
    }

    @Test
    void backAtTheThresholdDuringTheHoldOffRestartsIt() {
        OutageState raised = eval(OutageState.INITIAL, dark(8, 10, 10), 11).state();

        OutageState below = eval(raised, dark(5, 10, 10), 20).state();
        OutageRule.Step again = eval(below, dark(6, 10, 10), 21);
        OutageRule.Step later = eval(again.state(), dark(5, 10, 10), 22.5);

        assertThat(again.signal()).isEmpty(); // fewer than at the peak: no update
        assertThat(later.signal()).isEmpty(); // the hold-off restarted at 22.5
        assertThat(later.state().raised()).isTrue();
    }
}
