package io.cityops.jobs.detection.forest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replays the recorded Algerian fire season of 2012 (UCI #547, CC BY 4.0: daily noon temperature
 * and humidity, the day's rain and a fire / not-fire label, two regions) through the Nesterov index
 * with national levels, and prints how the levels line up with the fire days. It reports; it
 * asserts only that the file was read whole, not any correlation (another climate, another season).
 */
class AlgerianFireSeasonReplayTest {
    private static final Path CSV =
            Path.of("/work/shared/data/forest/Algerian_forest_fires_dataset_UPDATE.csv");

    record Day(String region, double t, double rh, double rain, boolean fire) {}

    @Test
    void levelsAgainstFireLabelsForBothVariants() throws IOException {
        assumeTrue(Files.isReadable(CSV), "recorded data not present: " + CSV);
        List<Day> days = read(CSV);
        assertThat(days).hasSize(244);
        assertThat(days.stream().filter(Day::fire)).hasSize(138);

        for (NesterovVariant variant : NesterovVariant.values()) {
            int[][] byLevel = new int[6][2]; // [level][0 = not fire, 1 = fire]
            String region = "";
            double p = 0;
            for (Day d : days) {
                if (!d.region().equals(region)) {
                    region = d.region();
                    p = 0; // each region's season starts afresh on 1 June
                }
                double dryness = variant.dryness(d.t(), d.rh(), Double.NaN);
                p = NesterovIndex.next(p, new DayWeather(d.rain(), d.t(), dryness, 1), variant);
                byLevel[FireDangerLevels.NATIONAL.level(p)][d.fire() ? 1 : 0]++;
            }
            int total = 0;
            for (int level = 1; level <= 5; level++) {
                total += byLevel[level][0] + byLevel[level][1];
                System.out.printf(
                        Locale.ROOT,
                        "algerian-2012 nesterov=%s level %-3s days %3d fire %3d not-fire %3d"
                                + " fire-share %s%n",
                        variant.key(),
                        FireDangerLevels.roman(level),
                        byLevel[level][0] + byLevel[level][1],
                        byLevel[level][1],
                        byLevel[level][0],
                        share(byLevel[level]));
            }
            assertThat(total).isEqualTo(244);
        }
    }

    private static String share(int[] counts) {
        int n = counts[0] + counts[1];
        return n == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * counts[1] / n);
    }

    /** The file has two region blocks, each with a title and a header row; labels are padded. */
    static List<Day> read(Path csv) throws IOException {
        List<Day> days = new ArrayList<>();
        String region = "";
        Map<String, Integer> col = new LinkedHashMap<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            String[] f = line.split(",", -1);
            if (f[0].contains("Region")) {
                region = f[0].trim();
            } else if (f[0].trim().equals("day")) {
                for (int i = 0; i < f.length; i++) {
                    col.put(f[i].trim(), i);
                }
            } else if (!f[0].isBlank() && f.length > col.getOrDefault("Classes", 99)) {
                days.add(
                        new Day(
                                region,
                                Double.parseDouble(f[col.get("Temperature")].trim()),
                                Double.parseDouble(f[col.get("RH")].trim()),
                                Double.parseDouble(f[col.get("Rain")].trim()),
                                f[col.get("Classes")].trim().equals("fire")));
            }
        }
        return days;
    }
}
