package io.cityops.jobs.detection.traffic;

import static io.cityops.jobs.detection.traffic.TrafficFixtures.LE_DUAN;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.minute;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The congestion levels and the classifier's hysteresis, slide by slide, without Flink. */
class CongestionClassifierTest {
    private static final TrafficParams P = TrafficParams.DEFAULTS;

    private final CongestionClassifier classifier =
            new CongestionClassifier(segment(LE_DUAN), P); // 50 km/h free flow
    private final List<Signal> signals = new ArrayList<>();
    private CongestionState state = CongestionState.INITIAL;
    private int slide;

    private void slides(double... ratios) {
        for (double r : ratios) {
            slide(r, 10);
        }
    }

    private void slide(double ratio, double occupancy) {
        slide++;
        CongestionClassifier.Step step =
                classifier.onSlide(
                        state, minute(slide), new WindowStats(ratio * 50, ratio, occupancy));
        state = step.state();
        step.signal().ifPresent(signals::add);
    }

    @Test
    void levelsFollowDomainMdBoundaries() {
        assertThat(CongestionLevel.of(0.75, 10, P)).isEqualTo(CongestionLevel.FREE);
        assertThat(CongestionLevel.of(0.7499, 10, P)).isEqualTo(CongestionLevel.SLOW);
        assertThat(CongestionLevel.of(0.5, 10, P)).isEqualTo(CongestionLevel.SLOW);
        assertThat(CongestionLevel.of(0.4999, 10, P)).isEqualTo(CongestionLevel.CONGESTED);
        assertThat(CongestionLevel.of(0.25, 10, P)).isEqualTo(CongestionLevel.CONGESTED);
        assertThat(CongestionLevel.of(0.2499, 10, P)).isEqualTo(CongestionLevel.JAMMED);
        assertThat(CongestionLevel.of(0.9, 30.5, P)).isEqualTo(CongestionLevel.JAMMED);
        assertThat(CongestionLevel.of(0.9, 30, P)).isEqualTo(CongestionLevel.FREE);
        assertThat(CongestionLevel.of(Double.NaN, 40, P)).isEqualTo(CongestionLevel.JAMMED);
    }

    @Test
    void oneCongestedSlideRaisesNothing() {
        slides(0.9, 0.4, 0.9, 0.9);

        assertThat(signals).isEmpty();
        assertThat(state).isEqualTo(CongestionState.INITIAL);
    }

    @Test
    void twoCongestedSlidesRaiseMinorAndTwoFreeOnesClear() {
        slides(0.9, 0.4, 0.46, 0.3, 0.6, 0.8, 0.9);

        assertThat(signals)
                .extracting(
                        Signal::action,
                        Signal::severity,
                        s -> s.attributes().get("level"),
                        Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, Severity.MINOR, "congested", minute(3)),
                        tuple(SignalAction.CLEAR, Severity.INFO, "free", minute(6)));
        Signal raise = signals.get(0);
        assertThat(raise.type()).isEqualTo("traffic.congestion");
        assertThat(raise.subjectId()).isEqualTo(LE_DUAN);
        assertThat(raise.districtId()).isEqualTo("105");
        assertThat(raise.detector()).isEqualTo("traffic-congestion/v1 window=5m slide=1m");
        assertThat(raise.attributes())
                .containsEntry("speedRatio", "0.46")
                .containsEntry("meanSpeedKmh", "23.0")
                .containsEntry("previousLevel", "none")
                .containsEntry("congestedBelowRatio", "0.5");
        assertThat(raise.message()).contains("congested", "23 km/h of 50", "ratio 0.46");
    }

    @Test
    void congestedThenJammedRaisesOnceThenUpdatesToMajor() {
        slides(0.4, 0.2, 0.2, 0.1, 0.32, 0.35, 0.8, 0.8);

        assertThat(signals)
                .extracting(Signal::action, Signal::severity, s -> s.attributes().get("level"))
                .containsExactly(
                        tuple(SignalAction.RAISE, Severity.MAJOR, "jammed"),
                        tuple(SignalAction.UPDATE, Severity.MINOR, "congested"),
                        tuple(SignalAction.CLEAR, Severity.INFO, "free"));
        assertThat(signals)
                .extracting(Signal::eventTime)
                .containsExactly(minute(2), minute(6), minute(8));
    }

    @Test
    void highOccupancyAloneIsAJam() {
        slide(0.8, 35);
        slide(0.8, 40);

        assertThat(signals)
                .extracting(Signal::action, s -> s.attributes().get("level"))
                .containsExactly(tuple(SignalAction.RAISE, "jammed"));
    }

    @Test
    void aRatioHoveringAtTheCongestedBoundaryRaisesOnceAndNeverFlaps() {
        slides(0.49, 0.51, 0.49, 0.49, 0.51, 0.52, 0.49, 0.53, 0.54, 0.49, 0.51, 0.52);

        assertThat(signals).extracting(Signal::action).containsExactly(SignalAction.RAISE);
        assertThat(state.raised()).isEqualTo(CongestionLevel.CONGESTED);
    }

    @Test
    void leavingALevelNeedsTheMarginPassed() {
        slides(0.3, 0.3, 0.54, 0.54, 0.54);
        assertThat(signals).extracting(Signal::action).containsExactly(SignalAction.RAISE);

        slides(0.56, 0.56);
        assertThat(signals)
                .extracting(Signal::action, s -> s.attributes().get("level"))
                .containsExactly(
                        tuple(SignalAction.RAISE, "congested"), tuple(SignalAction.CLEAR, "slow"));
    }

    @Test
    void anEmptyWindowChangesNothing() {
        slides(0.3, 0.3);
        CongestionState raised = state;

        CongestionClassifier.Step step =
                classifier.onSlide(
                        state, minute(9), new WindowStats(Double.NaN, Double.NaN, Double.NaN));

        assertThat(step.state()).isEqualTo(raised);
        assertThat(step.signal()).isEmpty();
    }

    @Test
    void occupancyHoveringAtTheJamBoundaryRaisesOnceAndJamsOnce() {
        // Ratio 0.40 (congested) while the 5-minute occupancy dithers around the 30 % jam line.
        double[] occupancy = {29.8, 29.8, 30.2, 30.2, 29.8, 29.8, 30.2, 30.2, 29.8, 29.8, 30.2};
        for (double o : occupancy) {
            slide(0.40, o);
        }

        assertThat(signals)
                .extracting(Signal::action, Signal::severity, s -> s.attributes().get("level"))
                .containsExactly(
                        tuple(SignalAction.RAISE, Severity.MINOR, "congested"),
                        tuple(SignalAction.UPDATE, Severity.MAJOR, "jammed"));
    }

    @Test
    void aJamByOccupancyIsLeftOnceTheOccupancyIsTheClearMarginBelowTheBoundary() {
        slides2(0.40, 35, 35, 27.5, 27.5); // 27.5 is inside the 3-point margin: still jammed
        assertThat(signals).extracting(Signal::action).containsExactly(SignalAction.RAISE);

        slides2(0.40, 26.5, 26.5);
        assertThat(signals)
                .extracting(Signal::action, s -> s.attributes().get("level"))
                .containsExactly(
                        tuple(SignalAction.RAISE, "jammed"),
                        tuple(SignalAction.UPDATE, "congested"));
    }

    private void slides2(double ratio, double... occupancies) {
        for (double o : occupancies) {
            slide(ratio, o);
        }
    }
}
