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
}
