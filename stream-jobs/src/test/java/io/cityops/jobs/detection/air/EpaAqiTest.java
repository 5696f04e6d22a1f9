package io.cityops.jobs.detection.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The US EPA AQI against the Technical Assistance Document's published examples, fed in µg/m³ and
 * converted at 25 °C as the detector does.
 */
class EpaAqiTest {

    /** A mixing ratio in ppb as µg/m³ at 25 °C, the inverse of the detector's conversion. */
    private static double ugm3(Pollutant p, double ppb) {
        return switch (p) {
            case O3 -> ppb * 48.00 / 24.45;
            case CO -> ppb * 28.01 / 24.45;
            case NO2 -> ppb * 46.01 / 24.45;
            case SO2 -> ppb * 64.07 / 24.45;
            default -> throw new IllegalArgumentException();
        };
    }

    @Test
    void tadExampleOzoneEightHour0078PpmIs126() {
        // (150 − 101)/(0.085 − 0.071)·(0.078 − 0.071) + 101 = 125.5 → 126
        double o3 = ugm3(Pollutant.O3, 78);
        assertThat(EpaAqi.ozone(Double.NaN, o3)).isCloseTo(125.5, within(1e-9));
    }

    @Test
    void tadExamplePm25Of359Is102AndCoOf84PpmIs90() {
        // 49/19.9·0.4 + 101 = 101.98 → 102
        assertThat(Math.round(EpaAqi.pm25(35.9))).isEqualTo(102);
        // 49/4.9·3.9 + 51 = 90
        assertThat(EpaAqi.co8h(ugm3(Pollutant.CO, 8400))).isCloseTo(90, within(1e-9));
    }

    @Test
    void the2024Pm25BreakpointsPutGoodAtNineMicrograms() {
        assertThat(EpaAqi.pm25(9.0)).isCloseTo(50, within(1e-9));
        assertThat(EpaAqi.pm25(9.1)).isCloseTo(51, within(1e-9));
        // 12.0 was 50 before 2024; now 49/26.3·2.9 + 51 = 56.4
        assertThat(Math.round(EpaAqi.pm25(12.0))).isEqualTo(56);
        // truncation to 0.1: 9.05 reads 9.0
        assertThat(EpaAqi.pm25(9.05)).isCloseTo(50, within(1e-9));
        assertThat(EpaAqi.pm25(55.5)).isCloseTo(151, within(1e-9));
        assertThat(EpaAqi.pm25(325.4)).isCloseTo(500, within(1e-9));
    }

    @Test
    void gasesInTheirOwnUnits() {
        // NO2 100 ppb → 100; SO2 75 ppb → 100; PM10 154 → 100
        assertThat(EpaAqi.no2(ugm3(Pollutant.NO2, 100))).isCloseTo(100, within(1e-9));
        assertThat(EpaAqi.so2(ugm3(Pollutant.SO2, 75))).isCloseTo(100, within(1e-9));
        assertThat(EpaAqi.pm10(154)).isCloseTo(100, within(1e-9));
        // 1 ppb of NO2 is 1.88 µg/m³ at 25 °C
        assertThat(Pollutant.NO2.toPpb(46.01 / 24.45)).isCloseTo(1, within(1e-12));
    }

    @Test
    void ozoneOneHourCountsFrom0125Ppm() {
        // 0.124 ppm 1-hour alone: no 1-hour sub-index, no 8-hour mean → none
        assertThat(EpaAqi.ozone(ugm3(Pollutant.O3, 124), Double.NaN)).isNaN();
        // 0.165 ppm 1-hour → 151
        assertThat(EpaAqi.ozone(ugm3(Pollutant.O3, 165), Double.NaN)).isCloseTo(151, within(1e-9));
    }

    @Test
    void hourlyAqiUsesTheNowCastAndTheEightHourMeans() {
        List<StationHour> hours = new ArrayList<>();
        for (int ago = 0; ago < 12; ago++) {
            hours.add(VnAqiTest.hour(ago, 35.9, 20, ugm3(Pollutant.O3, 78), 500, 10, 10));
        }
        AqiResult r = EpaAqi.INSTANCE.hourly(HourSeries.of(hours, 0, 12)).orElseThrow();
        assertThat(r.aqi()).isEqualTo(126);
        assertThat(r.dominant()).isEqualTo(Pollutant.O3);
        assertThat(r.category()).isEqualTo(AqiCategory.POOR);
        assertThat(r.category().epaName()).isEqualTo("Unhealthy for Sensitive Groups");
        assertThat(Math.round(r.subIndex(Pollutant.PM25))).isEqualTo(102);
    }
}
