package io.cityops.jobs.detection.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** VN_AQI (Decision 1459/QĐ-TCMT) sub-indices, hourly and daily AQI, computed by hand. */
class VnAqiTest {
    private static final double EPS = 1e-9;

    @Test
    void subIndicesAtTheBreakpointsAreTheTableIndices() {
        double[] index = {0, 50, 100, 150, 200, 300, 400, 500};
        double[][] columns = {
            {0, 25, 50, 80, 150, 250, 350, 500}, // PM2.5
            {0, 50, 150, 250, 350, 420, 500, 600}, // PM10
            {0, 160, 200, 300, 400, 800, 1000, 1200}, // O3 1h
            {0, 10000, 30000, 45000, 60000, 90000, 120000, 150000}, // CO
            {0, 100, 200, 700, 1200, 2350, 3100, 3850}, // NO2
            {0, 125, 350, 550, 800, 1600, 2100, 2630} // SO2
        };
        Pollutant[] order = {
            Pollutant.PM25, Pollutant.PM10, Pollutant.O3, Pollutant.CO, Pollutant.NO2, Pollutant.SO2
        };
        for (int p = 0; p < order.length; p++) {
            for (int k = 0; k < index.length; k++) {
                assertThat(VnAqi.subIndex(order[p], columns[p][k]))
                        .as("%s at %s", order[p], columns[p][k])
                        .isCloseTo(index[k], within(EPS));
            }
        }
    }

    @Test
    void subIndicesBetweenBreakpointsInterpolateLinearly() {
        // (I_hi − I_lo)/(BP_hi − BP_lo)·(C − BP_lo) + I_lo, by hand:
        // PM2.5 37.5: 50/25·12.5 + 50 = 75; 100: 50/70·20 + 150 = 164.2857…
        assertThat(VnAqi.subIndex(Pollutant.PM25, 37.5)).isCloseTo(75, within(EPS));
        assertThat(VnAqi.subIndex(Pollutant.PM25, 100)).isCloseTo(150 + 1000.0 / 70, within(EPS));
        // PM10 300: 50/100·50 + 150 = 175
        assertThat(VnAqi.subIndex(Pollutant.PM10, 300)).isCloseTo(175, within(EPS));
        // O3 250: 50/100·50 + 100 = 125
        assertThat(VnAqi.subIndex(Pollutant.O3, 250)).isCloseTo(125, within(EPS));
        // CO 20 000: 50/20 000·10 000 + 50 = 75
        assertThat(VnAqi.subIndex(Pollutant.CO, 20_000)).isCloseTo(75, within(EPS));
        // SO2 200: 50/225·75 + 50 = 66.67
        assertThat(VnAqi.subIndex(Pollutant.SO2, 200)).isCloseTo(50 + 50.0 / 3, within(EPS));
    }

    @Test
    void no2OfTheDecisionsWorkedExampleFollowsTheFormulaNotItsPrintedSixty() {
        // 50/100·18.7 + 50 = 59.35; the decision prints 60 (DOMAIN.md notes the slip).
        assertThat(VnAqi.subIndex(Pollutant.NO2, 118.7)).isCloseTo(59.35, within(EPS));
    }

    @Test
    void theAqiIsTheRoundedHighestSubIndexWithItsPollutantAndCategory() {
        // Two hours so the NowCast is valid; constant PM2.5 100 → NowCast 100 → 164.29 → 164.
        HourSeries s =
                series(
                        hour(0, 100, 60, 250, 20_000, 118.7, 200),
                        hour(1, 100, 60, 100, 1000, 10, 10));
        AqiResult r = VnAqi.INSTANCE.hourly(s).orElseThrow();

        assertThat(r.aqi()).isEqualTo(164);
        assertThat(r.dominant()).isEqualTo(Pollutant.PM25);
        assertThat(r.category()).isEqualTo(AqiCategory.BAD);
        assertThat(r.category().vnName()).isEqualTo("Xấu");
        assertThat(r.subIndex(Pollutant.O3)).isCloseTo(125, within(EPS));
        assertThat(r.subIndex(Pollutant.NO2)).isCloseTo(59.35, within(EPS));
        // PM10 60 and 60: NowCast 60 → 50/100·10 + 50 = 55
        assertThat(r.subIndex(Pollutant.PM10)).isCloseTo(55, within(EPS));
    }

    @Test
    void ozoneCanDominate() {
        HourSeries s = series(hour(0, 10, 20, 410, 0, 0, 0), hour(1, 10, 20, 50, 0, 0, 0));
        AqiResult r = VnAqi.INSTANCE.hourly(s).orElseThrow();
        // O3 410: 100/400·10 + 200 = 202.5 → 203 (Math.round, half up)
        assertThat(r.aqi()).isEqualTo(203);
        assertThat(r.dominant()).isEqualTo(Pollutant.O3);
        assertThat(r.category()).isEqualTo(AqiCategory.VERY_BAD);
    }

    @Test
    void withoutAParticulateThereIsNoAqi() {
        HourSeries onlyGases =
                series(
                        hour(0, Double.NaN, Double.NaN, 250, 20_000, 100, 100),
                        hour(1, Double.NaN, Double.NaN, 250, 20_000, 100, 100));
        assertThat(VnAqi.INSTANCE.hourly(onlyGases)).isEmpty();

        // PM10 alone is enough.
        HourSeries pm10Only =
                series(
                        hour(0, Double.NaN, 100, Double.NaN, Double.NaN, Double.NaN, Double.NaN),
                        hour(1, Double.NaN, 100, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        assertThat(VnAqi.INSTANCE.hourly(pm10Only).orElseThrow().aqi()).isEqualTo(75);
    }

    @Test
    void aSingleHourGivesNoParticulateNowCastSoNoHourlyAqi() {
        assertThat(VnAqi.INSTANCE.hourly(series(hour(0, 100, 100, 10, 10, 10, 10)))).isEmpty();
    }

    @Test
    void dailyUsesThe24HourMeanOfParticulatesAndTheDaysMaximaOfGases() {
        List<StationHour> day = new ArrayList<>();
        for (int ago = 0; ago < 24; ago++) {
            // PM2.5 alternates 40 and 60 → mean 50 → 100; NO2 max 300 at one hour → 50/500·100 +
            // 100 = 110; SO2 max 125 → 50.
            day.add(hour(ago, ago % 2 == 0 ? 40 : 60, 50, 100, 5000, ago == 7 ? 300 : 50, 125));
        }
        AqiResult r = VnAqi.INSTANCE.daily(HourSeries.of(day, 0, 24)).orElseThrow();

        assertThat(r.subIndex(Pollutant.PM25)).isCloseTo(100, within(EPS));
        assertThat(r.subIndex(Pollutant.PM10)).isCloseTo(50, within(EPS));
        assertThat(r.subIndex(Pollutant.NO2)).isCloseTo(110, within(EPS));
        assertThat(r.subIndex(Pollutant.SO2)).isCloseTo(50, within(EPS));
        assertThat(r.subIndex(Pollutant.CO)).isCloseTo(25, within(EPS));
        assertThat(r.aqi()).isEqualTo(110);
        assertThat(r.dominant()).isEqualTo(Pollutant.NO2);
    }

    @Test
    void dailyNeedsEighteenHoursForTheParticulateMean() {
        List<StationHour> day = new ArrayList<>();
        for (int ago = 0; ago < 17; ago++) {
            day.add(hour(ago, 40, Double.NaN, 10, 10, 10, 10));
        }
        assertThat(VnAqi.INSTANCE.daily(HourSeries.of(day, 0, 24))).isEmpty();
        day.add(hour(17, 40, Double.NaN, 10, 10, 10, 10));
        assertThat(VnAqi.INSTANCE.daily(HourSeries.of(day, 0, 24))).isPresent();
    }

    @Test
    void dailyOzoneIsTheHigherOfItsOneHourAndEightHourSubIndices() {
        // Max 1h 180 → 50/40·20 + 50 = 75; max 8h 130 → 50/50·10 + 100 = 110: the 8h part wins.
        assertThat(VnAqi.dailyOzone(180, 130)).isCloseTo(110, within(EPS));
        // Max 1h 700 → 100/400·300 + 200 = 275; 8h 300 → 100/190·90 + 200 = 247.37: 1h wins.
        assertThat(VnAqi.dailyOzone(700, 300)).isCloseTo(275, within(EPS));
        // 8h above 400 µg/m³ (the end of its column) is dropped: only the 1h part counts.
        assertThat(VnAqi.dailyOzone(900, 450)).isCloseTo(350, within(EPS));
        assertThat(VnAqi.dailyOzone(Double.NaN, 130)).isCloseTo(110, within(EPS));
    }

    @Test
    void dailyOzoneEightHourMeanComesFromTheDaysHours() {
        List<StationHour> day = new ArrayList<>();
        for (int ago = 0; ago < 24; ago++) {
            // Eight afternoon hours at 130 µg/m³, the rest at 20: max 8h mean 130, max 1h 130.
            day.add(hour(ago, 10, 10, ago >= 4 && ago < 12 ? 130 : 20, 10, 10, 10));
        }
        AqiResult r = VnAqi.INSTANCE.daily(HourSeries.of(day, 0, 24)).orElseThrow();
        // 1h 130 → 50/160·130 = 40.6; 8h 130 → 110.
        assertThat(r.subIndex(Pollutant.O3)).isCloseTo(110, within(EPS));
        assertThat(r.dominant()).isEqualTo(Pollutant.O3);
    }

    static StationHour hour(
            int hoursAgo, double pm25, double pm10, double o3, double co, double no2, double so2) {
        return new StationHour(
                "aq-1", "105", -hoursAgo * StationHour.HOUR_MS, pm25, pm10, o3, co, no2, so2, 1);
    }

    static HourSeries series(StationHour... hours) {
        return HourSeries.of(Arrays.asList(hours), 0, NowCast.HOURS);
    }
}
