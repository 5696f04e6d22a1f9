package io.cityops.jobs.detection.traffic;

import static io.cityops.jobs.detection.traffic.TrafficFixtures.LE_DUAN;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.QL4D;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.both;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.detectorMinute;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.minute;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.model.Aggregate;
import io.cityops.model.Domain;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One segment's minutes through both detectors and the aggregate, without Flink. */
class SegmentTrafficTest {
    private SegmentTraffic traffic = new SegmentTraffic(segment(QL4D), TrafficParams.DEFAULTS);
    private SegmentState state = SegmentState.INITIAL;
    private final List<Signal> signals = new ArrayList<>();
    private final List<Aggregate> aggregates = new ArrayList<>();

    private void at(int m, SegmentMinute minute) {
        SegmentTraffic.Step step = traffic.onMinute(state, minute(m), minute);
        state = step.state();
        signals.addAll(step.signals());
        step.aggregate().ifPresent(aggregates::add);
    }

    private void normal(int m) {
        at(m, both(QL4D, m, 45, 10, 45, 10));
    }

    private void blocked(int m) {
        at(m, both(QL4D, m, 8, 50, 48, 3));
    }

    @Test
    void docctdLooksTwoMinutesBackOrThreeWhenThatOneIsMissing() {
        RecentMinutes r =
                RecentMinutes.EMPTY
                        .with(both(QL4D, 0, 45, 10, 45, 11))
                        .with(both(QL4D, 1, 45, 10, 45, 12))
                        .with(both(QL4D, 3, 45, 10, 45, 13));

        assertThat(SegmentTraffic.earlierDownstream(r, minute(5))).isEqualTo(13);
        assertThat(SegmentTraffic.earlierDownstream(r, minute(4))).isEqualTo(12);
        assertThat(SegmentTraffic.earlierDownstream(r, minute(3))).isEqualTo(12);
        assertThat(SegmentTraffic.earlierDownstream(r, minute(7))).isNaN();
    }

    @Test
    void aBlockageRightAfterAMissingMinuteIsStillCaught() {
        normal(0);
        normal(1);
        at(2, null);
        at(3, null);
        blocked(4); // compares with minute 1, since minute 2 is missing
        blocked(5);

        assertThat(signals)
                .extracting(Signal::type, Signal::action, Signal::eventTime)
                .containsExactly(tuple("traffic.incident", SignalAction.RAISE, minute(6)));
    }

    @Test
    void aBlockageAfterTwoMissingMinutesCannotPassTheTemporalTest() {
        normal(0);
        normal(1);
        at(2, null);
        at(3, null);
        at(4, null);
        blocked(5);
        blocked(6);

        assertThat(signals).isEmpty();
    }

    @Test
    void aMinuteWithOneDetectorOnlyHoldsNoIncidentTest() {
        normal(0);
        normal(1);
        blocked(2);
        at(
                3,
                SegmentMinute.empty(minute(3))
                        .with(detectorMinute("td-105-1u", 3, 8, 50), segment(QL4D)));
        blocked(4);

        assertThat(signals).isEmpty();
        assertThat(state.incident().phase()).isEqualTo(IncidentPhase.CLEAR);
    }

    @Test
    void theMinuteAggregateCarriesRatioOccupancyAndTravelTimeIndex() {
        traffic = new SegmentTraffic(segment(LE_DUAN), TrafficParams.DEFAULTS);
        at(0, both(LE_DUAN, 0, 40, 10, 10, 30));
        at(1, null);

        assertThat(aggregates).hasSize(1);
        Aggregate a = aggregates.get(0);
        assertThat(a.kind()).isEqualTo("traffic.segment");
        assertThat(a.subjectId()).isEqualTo(LE_DUAN);
        assertThat(a.domain()).isEqualTo(Domain.TRAFFIC);
        assertThat(a.districtId()).isEqualTo("105");
        assertThat(a.window()).isEqualTo("1m");
        assertThat(a.windowStart()).isEqualTo(minute(0));
        assertThat(a.value("speedRatio")).isEqualTo(0.5);
        assertThat(a.value("occupancy")).isEqualTo(20);
        // Half the segment at 40 km/h, half at 10: 50 km/h free flow over the mean pace.
        assertThat(a.value("travelTimeIndex")).isCloseTo(0.32, offset(1e-9));
        assertThat(a.labels()).containsEntry("level", "slow");
    }

    @Test
    void travelTimeIndexTakesTheOtherDetectorWhenOneIsSilent() {
        assertThat(SegmentTraffic.travelTimeIndex(Double.NaN, 25, 50)).isEqualTo(0.5);
        assertThat(SegmentTraffic.travelTimeIndex(50, 50, 50)).isEqualTo(1);
        assertThat(SegmentTraffic.travelTimeIndex(0, 50, 50)).isZero();
        assertThat(SegmentTraffic.travelTimeIndex(Double.NaN, Double.NaN, 50)).isNaN();
    }

    @Test
    void theWindowSlidesOverQuietMinutesAndEmptiesAfterFive() {
        traffic = new SegmentTraffic(segment(LE_DUAN), TrafficParams.DEFAULTS);
        for (int m = 0; m < 3; m++) {
            at(m, both(LE_DUAN, m, 15, 25, 15, 25));
        }
        for (int m = 3; m <= 6; m++) {
            at(m, null);
            assertThat(state.forgettable()).as("minute %d", m).isFalse();
        }
        at(7, null);

        assertThat(signals)
                .extracting(Signal::type, Signal::action)
                .containsExactly(tuple("traffic.congestion", SignalAction.RAISE));
        assertThat(aggregates).hasSize(3);
        assertThat(state.recent().isEmpty()).isTrue();
        assertThat(state.forgettable()).isFalse(); // the raised congestion is kept
    }

    @Test
    void aQuietFreeSegmentIsForgottenOnceItsWindowEmpties() {
        normal(0);
        for (int m = 1; m <= 4; m++) {
            at(m, null);
            assertThat(state.forgettable()).as("minute %d", m).isFalse();
        }
        at(5, null);

        assertThat(state.forgettable()).isTrue();
        assertThat(signals).isEmpty();
    }
}
