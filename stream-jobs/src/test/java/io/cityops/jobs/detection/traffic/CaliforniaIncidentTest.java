package io.cityops.jobs.detection.traffic;

import static io.cityops.jobs.detection.traffic.TrafficFixtures.QL4D;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.minute;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The California incident algorithm (#7 tests and persistence, #8 suppression) minute by minute.
 */
class CaliforniaIncidentTest {
    private final List<Signal> signals = new ArrayList<>();
    private CaliforniaIncident incident =
            new CaliforniaIncident(segment(QL4D), TrafficParams.DEFAULTS);
    private IncidentState state = IncidentState.INITIAL;

    /** Minute {@code m}: upstream and downstream occupancy, and downstream two minutes before. */
    private void at(int m, double up, double down, double downTwoBefore) {
        CaliforniaIncident.Step step =
                incident.onMinute(
                        state,
                        minute(m),
                        minute(m + 1),
                        OccupancyTests.of(up, down, downTwoBefore));
        state = step.state();
        step.signal().ifPresent(signals::add);
    }

    @Test
    void measuresAreThoseOfDomainMd() {
        OccupancyTests t = OccupancyTests.of(50, 2, 10);

        assertThat(t.occdf()).isEqualTo(48);
        assertThat(t.occrdf()).isEqualTo(0.96);
        assertThat(t.docctd()).isEqualTo(0.8);
        assertThat(OccupancyTests.of(50, 2, Double.NaN).docctd()).isNaN();
        assertThat(OccupancyTests.of(50, 2, 0).docctd()).isNaN();
        assertThat(OccupancyTests.of(0, 0, 5).occrdf()).isZero();
    }

    @Test
    void aBlockageIsRaisedAfterTwoMinutesAndClearedWhenTheQueueGoes() {
        at(0, 10, 10, 10);
        at(1, 50, 3, 10); // all three tests pass: tentative
        assertThat(state.phase()).isEqualTo(IncidentPhase.TENTATIVE);
        at(2, 52, 2, 10); // the spatial tests persist: confirmed
        at(3, 50, 2, 3);
        at(4, 40, 3, 2); // DOCCTD is long gone; OCCRDF still high keeps the incident
        at(5, 12, 9, 2); // OCCRDF 0.25 < T2

        assertThat(signals)
                .extracting(Signal::action, Signal::severity, Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, Severity.MAJOR, minute(3)),
                        tuple(SignalAction.CLEAR, Severity.INFO, minute(6)));
        Signal raise = signals.get(0);
        assertThat(raise.type()).isEqualTo("traffic.incident");
        assertThat(raise.subjectId()).isEqualTo(QL4D);
        assertThat(raise.attributes())
                .containsEntry("occdf", "50.0")
                .containsEntry("occrdf", "0.96")
                .containsEntry("docctd", "0.80")
                .containsEntry("upstreamSensorId", "td-105-1u")
                .containsEntry("downstreamSensorId", "td-105-1d");
        assertThat(raise.detector())
                .startsWith("traffic-incident/california-7+8 t1=8 t2=0.5 t3=0.3");
        assertThat(state).isEqualTo(IncidentState.INITIAL);
    }

    @Test
    void aOneMinuteDifferenceIsNotAnIncident() {
        at(1, 50, 3, 10);
        at(2, 10, 9, 10);

        assertThat(signals).isEmpty();
        assertThat(state.phase()).isEqualTo(IncidentPhase.CLEAR);
    }

    @Test
    void recurringCongestionFillsBothDetectorsAndIsNoIncident() {
        for (int m = 0; m < 10; m++) {
            at(m, 29, 20 + (m % 2) * 6, 29); // OCCDF >= 8 and DOCCTD >= 0.3 at times, OCCRDF < 0.5
        }

        assertThat(signals).isEmpty();
    }

    @Test
    void aSharpFallDownstreamIsNeededToStart() {
        at(1, 50, 3, 4); // spatial tests pass, but the downstream occupancy was already low
        at(2, 50, 3, 3);
        at(3, 50, 3, Double.NaN); // no earlier downstream occupancy: the temporal test cannot pass

        assertThat(signals).isEmpty();
        assertThat(state.phase()).isEqualTo(IncidentPhase.CLEAR);
    }

    @Test
    void aCompressionWaveDownstreamSuppressesAlarmsForFiveMinutes() {
        at(0, 40, 35, 20); // downstream >= 30 %: a compression wave
        for (int m = 1; m <= 5; m++) {
            at(m, 50, 3, m <= 2 ? 35 : 3.1); // would be tentative at minute 1 and 2
            assertThat(state.phase()).as("minute %d", m).isEqualTo(IncidentPhase.CLEAR);
        }
        at(6, 50, 2, 3); // DOCCTD 0.33 once the suppression has run out
        at(7, 50, 2, 3);

        assertThat(signals)
                .extracting(Signal::action, Signal::eventTime)
                .containsExactly(tuple(SignalAction.RAISE, minute(8)));
    }

    @Test
    void aMissingMinuteDropsATentativeIncidentButKeepsAConfirmedOne() {
        at(1, 50, 3, 10);
        state = incident.onMissingMinute(state).state();
        assertThat(state.phase()).isEqualTo(IncidentPhase.CLEAR);
        at(3, 50, 3, 3);
        assertThat(signals).isEmpty();

        at(4, 50, 3, 10);
        at(5, 50, 3, 10);
        state = incident.onMissingMinute(state).state();
        assertThat(state.phase()).isEqualTo(IncidentPhase.INCIDENT);
        assertThat(signals).extracting(Signal::action).containsExactly(SignalAction.RAISE);
    }

    @Test
    void persistenceIsConfiguration() {
        TrafficParams d = TrafficParams.DEFAULTS;
        incident =
                new CaliforniaIncident(
                        segment(QL4D),
                        new TrafficParams(
                                d.freeRatio(),
                                d.slowRatio(),
                                d.jamRatio(),
                                d.jamOccupancyPct(),
                                Duration.ofMinutes(5),
                                2,
                                d.clearMargin(),
                                d.jamOccupancyClearMarginPct(),
                                d.forgetAfter(),
                                d.occdfPct(),
                                d.occrdf(),
                                d.docctd(),
                                1,
                                d.waveOccupancyPct(),
                                d.waveSuppressMinutes()));

        at(1, 50, 3, 10);

        assertThat(signals)
                .extracting(Signal::action, Signal::eventTime)
                .containsExactly(tuple(SignalAction.RAISE, minute(2)));
    }
}
