package io.cityops.jobs.detection.forest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The Nesterov index by hand. Magnus (Sonntag) saturation vapour pressures: E(25) = 31.601, E(30) =
 * 42.337, E(32) = 47.450, E(35) = 56.128 hPa. The dry spell: day 1 30 °C / 50 % (d13 = 21.169, term
 * 635.06), day 2 32 °C / 40 % with 2 mm (d13 = 28.470, term 911.05, P = 1546.11), day 3 35 °C / 30
 * % (d13 = 39.290, term 1375.15, P = 2921.25), day 4 12 mm of rain (P = 0), day 5 30 °C / 50 % with
 * 4.9 mm (P = 635.06).
 */
class NesterovIndexTest {

    @Test
    void magnusGivesTheSaturationVapourPressureOfTheTables() {
        // WMO tables (Goff–Gratch) give 42.46 hPa at 30 °C and 6.11 hPa at 0 °C.
        assertThat(Humidity.saturationVapourPressureHpa(30)).isCloseTo(42.46, within(0.2));
        assertThat(Humidity.saturationVapourPressureHpa(0)).isCloseTo(6.112, within(0.001));
        assertThat(Humidity.saturationVapourPressureHpa(30)).isCloseTo(42.337, within(0.001));
    }

    @Test
    void saturationDeficitIsWhatTheAirCouldStillHold() {
        // 42.337 hPa · (1 − 0.50) = 21.169 hPa
        assertThat(Humidity.saturationDeficitHpa(30, 50)).isCloseTo(21.169, within(0.001));
        assertThat(Humidity.saturationDeficitHpa(30, 100)).isZero();
        assertThat(Humidity.saturationDeficitHpa(30, 104)).isZero(); // sensor overshoot
    }

    @Test
    void dewPointDepressionOfTheRussianVariant() {
        // Td(30 °C, 50 %) = 18.441 °C, so T − Td = 11.559 °C
        assertThat(Humidity.dewPointC(30, 50)).isCloseTo(18.441, within(0.001));
        assertThat(NesterovVariant.RU.dryness(30, 50, Double.NaN)).isCloseTo(11.559, within(0.001));
        assertThat(NesterovVariant.RU.dryness(30, 50, 20)).isEqualTo(10); // the station's own Td
        assertThat(NesterovVariant.VN.dryness(30, 50, 20)).isCloseTo(21.169, within(0.001));
    }

    @Test
    void vietnameseIndexAccumulatesOverADrySpellAndRainOfFiveMillimetresResetsIt() {
        double[] expected = {635.06, 1546.11, 2921.25, 0, 635.06};
        int[] levels = {1, 2, 3, 1, 1};
        double p = 0;
        for (int day = 0; day < expected.length; day++) {
            p =
                    NesterovIndex.next(
                            p,
                            day(ForestFixtures.DRY_SPELL[day], NesterovVariant.VN),
                            NesterovVariant.VN);
            assertThat(p).as("day %d", day + 1).isCloseTo(expected[day], within(0.01));
            assertThat(FireDangerLevels.NATIONAL.level(p)).isEqualTo(levels[day]);
        }
    }

    @Test
    void russianIndexUsesTheDewPointDepressionAndResetsAtThreeMillimetres() {
        // Terms 30·11.559 = 346.77, 32·15.290 = 489.29, 35·20.164 = 705.73; day 4 resets, and so
        // does day 5 with 4.9 mm (at least 3 mm), which the Vietnamese form lets through.
        double[] expected = {346.77, 836.07, 1541.79, 0, 0};
        double p = 0;
        for (int day = 0; day < expected.length; day++) {
            p =
                    NesterovIndex.next(
                            p,
                            day(ForestFixtures.DRY_SPELL[day], NesterovVariant.RU),
                            NesterovVariant.RU);
            assertThat(p).as("day %d", day + 1).isCloseTo(expected[day], within(0.01));
        }
    }

    @Test
    void aDayWithoutA13hObservationKeepsTheIndexUnlessItRained() {
        assertThat(
                        NesterovIndex.next(
                                1200,
                                new DayWeather(0, Double.NaN, Double.NaN, 0),
                                NesterovVariant.VN))
                .isEqualTo(1200);
        assertThat(
                        NesterovIndex.next(
                                1200,
                                new DayWeather(7, Double.NaN, Double.NaN, 0),
                                NesterovVariant.VN))
                .isZero();
    }

    @Test
    void frostAddsNothing() {
        assertThat(NesterovIndex.next(500, new DayWeather(0, -2, 1.5, 1), NesterovVariant.VN))
                .isEqualTo(500);
    }

    @Test
    void nationalLevelsFollowDecision127() {
        FireDangerLevels national = FireDangerLevels.NATIONAL;
        assertThat(national.level(0)).isEqualTo(1);
        assertThat(national.level(1000)).isEqualTo(1);
        assertThat(national.level(1001)).isEqualTo(2);
        assertThat(national.level(2500)).isEqualTo(2);
        assertThat(national.level(2501)).isEqualTo(3);
        assertThat(national.level(5000)).isEqualTo(3);
        assertThat(national.level(5001)).isEqualTo(4);
        assertThat(national.level(10000)).isEqualTo(4);
        assertThat(national.level(10001)).isEqualTo(5);
    }

    @Test
    void thuaThienHueSetsItsOwnThresholds() {
        FireDangerLevels hue = FireDangerLevels.parse("5000, 10000, 15000, 20000");
        assertThat(hue.level(2921.25)).isEqualTo(1); // level III nationally
        assertThat(hue.level(7000)).isEqualTo(2);
        assertThat(hue.level(12000)).isEqualTo(3);
        assertThat(hue.level(18000)).isEqualTo(4);
        assertThat(hue.level(20001)).isEqualTo(5);
    }

    private static DayWeather day(double[] tRhRain, NesterovVariant variant) {
        double t = tRhRain[0];
        double rh = tRhRain[1];
        return new DayWeather(tRhRain[2], t, variant.dryness(t, rh, Double.NaN), 1);
    }
}
