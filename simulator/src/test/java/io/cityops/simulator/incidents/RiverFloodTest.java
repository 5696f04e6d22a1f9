package io.cityops.simulator.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Metric;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.RiverStation;
import io.cityops.model.city.Sensor;
import io.cityops.simulator.values.RiverLevelModel;
import io.cityops.simulator.values.Supply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RiverFloodTest {
    private static final CityModel CITY = CityModelLoader.sample();
    private static final RiverStation MUONG_TE = CITY.riverStation("rs-107-muongte").orElseThrow();
    private static final Sensor GAUGE = CITY.sensor("wl-107-muongte").orElseThrow();
    private static final Instant START = Instant.parse("2025-11-23T03:00:00Z");
    private static final double CLEAR_MARGIN_CM = 50;

    @Test
    void floodCrossesLevelOneThenTwoThenFallsBackBelowLevelOneLessAMarginAndStays() {
        List<Integer> levels =
                alarmLevels(new RiverFlood(MUONG_TE, GAUGE.id(), 2), Duration.ofMinutes(30));

        assertThat(firstIndexOf(levels, 1)).isLessThan(firstIndexOf(levels, 2));
        assertThat(levels).doesNotContain(3);
        int peak = levels.lastIndexOf(2);
        int cleared = firstIndexOfClear(peak);
        assertThat(cleared).isGreaterThan(peak);
        // Once clear, the river stays clear for the rest of the half hour.
        assertThat(levelsCm.subList(cleared, levelsCm.size()))
                .allSatisfy(cm -> assertThat(cm).isLessThan(MUONG_TE.level1Cm() - CLEAR_MARGIN_CM));
    }

    @Test
    void levelOneIsCrossedWithinHalfAMinuteSoTheFirstAlertComesQuickly() {
        List<Integer> levels =
                alarmLevels(new RiverFlood(MUONG_TE, GAUGE.id(), 2), Duration.ofMinutes(2));
        assertThat(levels.get(0)).isZero();
        assertThat(firstIndexOf(levels, 1)).isLessThanOrEqualTo(3); // readings every 10 s
    }

    @Test
    void aLevelThreeFloodPassesEveryLevelInOrder() {
        List<Integer> levels =
                alarmLevels(new RiverFlood(MUONG_TE, GAUGE.id(), 3), Duration.ofMinutes(10));
        assertThat(firstIndexOf(levels, 1)).isLessThan(firstIndexOf(levels, 2));
        assertThat(firstIndexOf(levels, 2)).isLessThan(firstIndexOf(levels, 3));
        assertThat(levels.get(levels.size() - 1)).isZero();
    }

    private final List<Double> levelsCm = new ArrayList<>();

    /**
     * Alarm level of each reading, every 10 s from the incident's start, as a gauge in alarm mode
     * sends them.
     */
    private List<Integer> alarmLevels(RiverFlood flood, Duration span) {
        RiverLevelModel river = new RiverLevelModel(new SplittableRandom(9), MUONG_TE);
        List<Integer> levels = new ArrayList<>();
        for (long s = 0; s <= span.toSeconds(); s += 10) {
            var normal = river.next(START.plusSeconds(s), Supply.ON).orElseThrow();
            Duration elapsed = Duration.ofSeconds(s);
            double cm =
                    elapsed.compareTo(flood.duration()) < 0
                            ? flood.adjust(GAUGE, elapsed, normal).get(Metric.WATER_LEVEL_CM)
                            : normal.get(Metric.WATER_LEVEL_CM);
            levelsCm.add(cm);
            levels.add(MUONG_TE.alarmLevelAt(cm));
        }
        return levels;
    }

    private int firstIndexOfClear(int after) {
        for (int i = after; i < levelsCm.size(); i++) {
            if (levelsCm.get(i) < MUONG_TE.level1Cm() - CLEAR_MARGIN_CM) {
                return i;
            }
        }
        return -1;
    }

    private static int firstIndexOf(List<Integer> levels, int level) {
        int i = levels.indexOf(level);
        assertThat(i).as("a reading at level %d", level).isNotNegative();
        return i;
    }
}
