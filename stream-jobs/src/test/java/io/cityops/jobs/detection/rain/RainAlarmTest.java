package io.cityops.jobs.detection.rain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Thresholds, the alert's steps and the clear margin of the rain detector. */
class RainAlarmTest {
    private final RainAlarm alarm = new RainAlarm(RainParams.DEFAULTS);

    @Test
    void thresholdsAreStrictlyExceeded() {
        RainThresholds t = RainThresholds.STEEP_DISTRICT;
        assertThat(t.exceeded(new RainSums(50, 50, 50))).isZero();
        assertThat(t.exceeded(new RainSums(50.2, 50.2, 50.2))).isEqualTo(RainThresholds.H1);
        assertThat(t.exceeded(new RainSums(10, 100.2, 150.2)))
                .isEqualTo(RainThresholds.H3 | RainThresholds.H24);
        assertThat(RainThresholds.names(RainThresholds.H1 | RainThresholds.H24))
                .isEqualTo("1h,24h");
    }

    @Test
    void raiseThenUpdateOnEachFurtherThresholdThenClearBelowTheMargin() {
        int mask = 0;
        RainSums[] sums = {
            new RainSums(30, 30, 30), // nothing
            new RainSums(55, 60, 60), // 1h: RAISE
            new RainSums(45, 80, 80), // 1h back under but not by the margin: nothing
            new RainSums(20, 105, 120), // 3h too: UPDATE
            new RainSums(0, 90, 160), // 24h too: UPDATE
            new RainSums(0, 50, 130), // 24h above 120 (80 % of 150): nothing
            new RainSums(0, 20, 119) // all below 80 %: CLEAR
        };
        java.util.List<Signal> out = new java.util.ArrayList<>();
        for (int i = 0; i < sums.length; i++) {
            RainAlarm.Step step = alarm.onSums(mask, sums[i], "rg-105-1", "105", i);
            mask = step.mask();
            step.signal().ifPresent(out::add);
        }
        assertThat(out)
                .extracting(
                        Signal::action,
                        Signal::severity,
                        s -> s.attributes().get("exceeded"),
                        s -> s.attributes().get("threshold"),
                        Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, Severity.MINOR, "1h", "1h", 1L),
                        tuple(SignalAction.UPDATE, Severity.MAJOR, "1h,3h", "3h", 3L),
                        tuple(SignalAction.UPDATE, Severity.CRITICAL, "1h,3h,24h", "24h", 4L),
                        tuple(SignalAction.CLEAR, Severity.INFO, "1h,3h,24h", null, 6L));
        assertThat(out.get(0).attributes())
                .containsEntry("rain1hMm", "55")
                .containsEntry("rain3hMm", "60")
                .containsEntry("rain24hMm", "60")
                .containsEntry("thresholdsMm", "50/100/150");
        assertThat(out.get(0).subjectId()).isEqualTo("rg-105-1");
        assertThat(out.get(0).districtId()).isEqualTo("105");
        assertThat(out.get(0).type()).isEqualTo("rain.accumulation");
    }

    @Test
    void aDistrictCanHaveItsOwnThresholds() {
        RainParams p =
                new RainParams(
                        RainThresholds.STEEP_DISTRICT,
                        Map.of("107", new RainThresholds(30, 60, 90)),
                        0.2,
                        java.time.Duration.ofMinutes(10));
        RainAlarm a = new RainAlarm(p);
        assertThat(a.onSums(0, new RainSums(35, 35, 35), "rg-107-1", "107", 0).signal())
                .isPresent();
        assertThat(a.onSums(0, new RainSums(35, 35, 35), "rg-105-1", "105", 0).signal()).isEmpty();
    }

    @Test
    void sumsOfBucketsEndingAtAnInstant() {
        long m = 60_000;
        // 10-minute buckets; evaluated at the end of the bucket starting at 180 min.
        Map<Long, Double> buckets =
                Map.of(
                        0L, 1.0, // 3 h 10 min before the bucket's end... outside 3 h
                        20 * m, 2.0, // inside 3 h
                        130 * m, 4.0, // inside 1 h (starts after 190 − 60 = 130)
                        120 * m, 8.0, // outside 1 h
                        180 * m, 16.0, // the bucket itself
                        190 * m, 32.0); // ahead of the evaluation: left out
        RainSums s = RainBuckets.sums(buckets.entrySet(), 190 * m - 1);
        assertThat(s).isEqualTo(new RainSums(20, 30, 31));
    }
}
