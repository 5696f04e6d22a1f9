package io.cityops.jobs.detection.water;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LevelSamplesTest {
    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;

    @Test
    void keptSamplesAreAtLeastOneSpacingApartAndTheNewestIsAlwaysKept() {
        LevelSamples s = LevelSamples.EMPTY;
        for (long t = 0; t <= 2 * HOUR; t += 30_000) { // a gauge reporting every 30 s
            s = s.with(t, t / 1000.0, HOUR, MINUTE);
        }

        assertThat(s.latestTs()).isEqualTo(2 * HOUR);
        assertThat(s.ts()[0]).isGreaterThanOrEqualTo(HOUR);
        for (int i = 1; i < s.size() - 1; i++) {
            assertThat(s.ts()[i] - s.ts()[i - 1]).isGreaterThanOrEqualTo(MINUTE);
        }
        assertThat(s.size()).isLessThanOrEqualTo(62);
    }

    @Test
    void noRateUntilTheSamplesSpanTheMinimum() {
        LevelSamples s =
                LevelSamples.EMPTY.with(0, 100, HOUR, MINUTE).with(9 * MINUTE, 190, HOUR, MINUTE);
        assertThat(s.risePerHour(10 * MINUTE)).isEmpty();

        s = s.with(10 * MINUTE, 200, HOUR, MINUTE);

        assertThat(s.risePerHour(10 * MINUTE)).hasValue(600.0);
    }

    private static LevelSamples at(long... minutes) {
        LevelSamples s = LevelSamples.EMPTY;
        for (long m : minutes) {
            s = s.with(m * MINUTE, m, HOUR, MINUTE);
        }
        return s;
    }

    @Test
    void anEarlierSampleIsPutInItsPlaceInTime() {
        LevelSamples s = at(0, 10, 20).withEarlier(5 * MINUTE, 5, HOUR, MINUTE);

        assertThat(s.ts()).containsExactly(0, 5 * MINUTE, 10 * MINUTE, 20 * MINUTE);
        assertThat(s.cm()).containsExactly(0, 5, 10, 20);
    }

    @Test
    void anEarlierSampleBeforeTheOldestLengthensTheSpanOfTheRate() {
        LevelSamples s = at(10, 11);
        assertThat(s.risePerHour(10 * MINUTE)).isEmpty();

        s = s.withEarlier(0, -100, HOUR, MINUTE);

        assertThat(s.ts()).containsExactly(0, 10 * MINUTE, 11 * MINUTE);
        assertThat(s.risePerHour(10 * MINUTE)).hasValue(111 * 60 / 11.0);
    }

    @Test
    void anEarlierSampleOutsideTheWindowAtATakenTimeOrCrowdingAKeptOneIsLeftOut() {
        LevelSamples s = at(60, 70, 120);

        assertThat(s.withEarlier(59 * MINUTE, 0, HOUR, MINUTE)).isSameAs(s); // window: 60 to 120
        assertThat(s.withEarlier(70 * MINUTE, 0, HOUR, MINUTE)).isSameAs(s); // taken
        assertThat(s.withEarlier(70 * MINUTE + 59_999, 0, HOUR, MINUTE)).isSameAs(s);
        assertThat(s.withEarlier(69 * MINUTE + 1, 0, HOUR, MINUTE)).isSameAs(s);
        assertThat(s.withEarlier(60 * MINUTE, 0, HOUR, MINUTE)).isSameAs(s);
        // Next to the newest, which is always kept, it is kept too (the newest is provisional).
        assertThat(s.withEarlier(119 * MINUTE + 30_000, 0, HOUR, MINUTE).ts())
                .containsExactly(60 * MINUTE, 70 * MINUTE, 119 * MINUTE + 30_000, 120 * MINUTE);
    }

    @Test
    void samplesStayOneSpacingApartWhenANewerOneFollowsAnEarlierOne() {
        LevelSamples s =
                at(0, 10)
                        .withEarlier(9 * MINUTE + 30_000, 9, HOUR, MINUTE)
                        .with(10 * MINUTE + 20_000, 10, HOUR, MINUTE);

        // 10:00 stood in for the latest level until 10:20 came; 9:30 is kept.
        assertThat(s.ts()).containsExactly(0, 9 * MINUTE + 30_000, 10 * MINUTE + 20_000);
    }

    @Test
    void onlyAnOlderSampleIsEarlier() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> at(0, 10).withEarlier(10 * MINUTE, 0, HOUR, MINUTE))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> LevelSamples.EMPTY.withEarlier(0, 0, HOUR, MINUTE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
