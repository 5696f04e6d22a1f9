package io.cityops.jobs.detection.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The particulate NowCast, with a worked example done by hand. */
class NowCastTest {
    private static final double NA = Double.NaN;

    @Test
    void workedExampleWithTheWeightFlooredAtOneHalf() {
        // Latest first. min/max = 10/90 = 0.11 → w = 0.5.
        // Σ 0.5^(i−1)·c_i = 13 + 8 + 2.5 + 2.625 + 4.625 + 2 + 0.828125 + 0.640625 + 0.3515625
        //                   + 0.146484375 + 0.078125 + 0.0244140625 = 34.8193359375
        // Σ 0.5^(i−1) = 2 − 0.5^11 = 1.99951171875 → 17.4139…
        double[] c = {13, 16, 10, 21, 74, 64, 53, 82, 90, 75, 80, 50};
        assertThat(NowCast.of(c)).isCloseTo(34.8193359375 / 1.99951171875, within(1e-9));
        assertThat(NowCast.of(c)).isCloseTo(17.41, within(0.01));
    }

    @Test
    void aWeightAboveOneHalfIsUsedAsIs() {
        // min/max = 30/40 = 0.75: (40 + 0.75·30) / (1 + 0.75) = 62.5/1.75 = 35.714…
        assertThat(NowCast.of(new double[] {40, 30})).isCloseTo(62.5 / 1.75, within(1e-9));
    }

    @Test
    void missingHoursAreSkippedButKeepTheirPlaceInTheWeights() {
        // w = 20/40 = 0.5; hours 1 and 3 present: (40 + 0.25·20) / (1 + 0.25) = 36
        assertThat(NowCast.of(new double[] {40, NA, 20})).isCloseTo(36, within(1e-9));
    }

    @Test
    void needsTwoOfTheThreeLatestHours() {
        assertThat(NowCast.of(new double[] {40, NA, NA, 20, 20})).isNaN();
        assertThat(NowCast.of(new double[] {NA, NA, 40, 20, 20})).isNaN();
        assertThat(NowCast.of(new double[] {NA, 40, 20})).isNotNaN();
        assertThat(NowCast.of(new double[] {40})).isNaN();
    }

    @Test
    void onlyTwelveHoursCount() {
        double[] c = new double[14];
        java.util.Arrays.fill(c, 10);
        c[12] = 1000; // the 13th hour is outside the NowCast
        assertThat(NowCast.of(c)).isCloseTo(10, within(1e-9));
    }

    @Test
    void cleanAirIsZero() {
        assertThat(NowCast.of(new double[] {0, 0, 0})).isZero();
    }
}
