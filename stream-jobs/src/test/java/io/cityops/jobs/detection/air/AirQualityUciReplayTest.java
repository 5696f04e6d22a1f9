package io.cityops.jobs.detection.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real hourly NO2 and CO (UCI ML Repository #360, CC BY 4.0: an Italian city, 2004-03 → 2005-04;
 * {@code ;}-separated, decimal comma, {@code -200} = missing) through the VN_AQI hourly columns.
 * The file has no particulates, so no full AQI exists (the rule this test checks); the distribution
 * of the gas-only index is printed as a report, not asserted.
 */
class AirQualityUciReplayTest {
    private static final Path FILE = Path.of("/work/shared/data/environment/AirQualityUCI.csv");

    record Hour(double coUgm3, double no2Ugm3) {}

    static List<Hour> hours() throws IOException {
        List<Hour> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";");
            if (f.length < 10 || f[0].isBlank()) {
                continue; // the file ends with empty separator-only rows
            }
            double coMg = number(f[2]);
            double no2 = number(f[9]);
            out.add(new Hour(Double.isNaN(coMg) ? Double.NaN : coMg * 1000, no2));
        }
        return out;
    }

    private static double number(String s) {
        double v = Double.parseDouble(s.trim().replace(',', '.'));
        return v == -200 ? Double.NaN : v;
    }

    @Test
    void gasOnlyHoursHaveNoAqiAndTheirSubIndicesAreReported() throws IOException {
        assumeTrue(Files.isReadable(FILE), "recorded data not present");
        List<Hour> hours = hours();
        Map<AqiCategory, Integer> byCategory = new EnumMap<>(AqiCategory.class);
        int no2AboveTwoHundred = 0;
        int rated = 0;
        for (Hour h : hours) {
            double no2 = VnAqi.subIndex(Pollutant.NO2, h.no2Ugm3());
            double co = VnAqi.subIndex(Pollutant.CO, h.coUgm3());
            if (no2 > 100) {
                no2AboveTwoHundred++;
            }
            double max = Double.isNaN(no2) ? co : Double.isNaN(co) ? no2 : Math.max(no2, co);
            if (!Double.isNaN(max)) {
                rated++;
                byCategory.merge(AqiCategory.of((int) Math.round(max)), 1, Integer::sum);
            }
        }
        HourSeries twoHours =
                HourSeries.of(
                        List.of(
                                VnAqiTest.hour(
                                        0,
                                        Double.NaN,
                                        Double.NaN,
                                        Double.NaN,
                                        2600,
                                        113,
                                        Double.NaN),
                                VnAqiTest.hour(
                                        1,
                                        Double.NaN,
                                        Double.NaN,
                                        Double.NaN,
                                        2000,
                                        92,
                                        Double.NaN)),
                        0,
                        NowCast.HOURS);
        assertThat(VnAqi.INSTANCE.hourly(twoHours)).as("no PM10/PM2.5, no AQI").isEmpty();

        assertThat(hours).hasSize(9357);
        // The data README: NO2 above 200 µg/m³ for 386 hours, i.e. a VN sub-index above 100.
        assertThat(no2AboveTwoHundred).isEqualTo(386);
        System.out.printf(
                "AirQualityUCI: %d hours, %d with NO2 or CO; gas-only VN index by category: %s%n",
                hours.size(), rated, byCategory);
    }
}
