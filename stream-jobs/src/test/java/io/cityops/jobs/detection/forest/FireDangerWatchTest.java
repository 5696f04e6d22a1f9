package io.cityops.jobs.detection.forest;

import static io.cityops.jobs.detection.forest.ForestFixtures.A1;
import static io.cityops.jobs.detection.forest.ForestFixtures.A2;
import static io.cityops.jobs.detection.forest.ForestFixtures.DRY_SPELL;
import static io.cityops.jobs.detection.forest.ForestFixtures.dayAt;
import static io.cityops.jobs.detection.forest.ForestFixtures.dayStart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.cityops.model.Aggregate;
import io.cityops.model.Domain;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The daily rating of one zone: aggregates, levels and the fire-danger alert. */
class FireDangerWatchTest {
    private static final long TOLERANCE = Duration.ofHours(2).toMillis();

    private final List<Aggregate> aggregates = new ArrayList<>();
    private final List<Signal> signals = new ArrayList<>();

    private FireDangerState run(ForestParams params, double[][] days) {
        FireDangerWatch watch = new FireDangerWatch(params);
        FireDangerState s = FireDangerState.INITIAL;
        for (int n = 1; n <= days.length; n++) {
            double[] d = days[n - 1];
            ZoneDay day =
                    new ZoneDay(dayAt(n, 13), Map.of())
                            .with(
                                    A1,
                                    StationDay.EMPTY.with(
                                            d[2], 0, TOLERANCE, d[0], d[1], Double.NaN));
            FireDangerWatch.Step step =
                    watch.onDay(s, "forest-107-a", "Rừng Muong Te A", "107", dayStart(n), day);
            s = step.state();
            aggregates.add(step.aggregate());
            step.signal().ifPresent(signals::add);
        }
        return s;
    }

    @Test
    void aDrySpellReachingLevelThreeRaisesAndRainClears() {
        run(ForestParams.DEFAULTS, DRY_SPELL);

        assertThat(aggregates)
                .extracting(
                        Aggregate::kind,
                        Aggregate::window,
                        Aggregate::windowStart,
                        a -> a.labels().get("level"))
                .containsExactly(
                        tuple("forest.zone", "1d", dayStart(1), "I"),
                        tuple("forest.zone", "1d", dayStart(2), "II"),
                        tuple("forest.zone", "1d", dayStart(3), "III"),
                        tuple("forest.zone", "1d", dayStart(4), "I"),
                        tuple("forest.zone", "1d", dayStart(5), "I"));
        assertThat(aggregates.get(2).value("nesterov")).isCloseTo(2921.25, within(0.01));
        assertThat(aggregates.get(2).domain()).isEqualTo(Domain.FOREST);
        assertThat(aggregates.get(2).districtId()).isEqualTo("107");
        assertThat(aggregates.get(3).value("rainMm")).isEqualTo(12);
        assertThat(signals)
                .extracting(
                        Signal::type,
                        Signal::action,
                        Signal::severity,
                        s -> s.attributes().get("level"),
                        Signal::eventTime)
                .containsExactly(
                        tuple(
                                "forest.fire-danger",
                                SignalAction.RAISE,
                                Severity.MINOR,
                                "III",
                                dayAt(3, 13)),
                        tuple(
                                "forest.fire-danger",
                                SignalAction.CLEAR,
                                Severity.INFO,
                                "I",
                                dayAt(4, 13)));
        assertThat(signals.get(0).attributes())
                .containsEntry("nesterov", "2921.3")
                .containsEntry("thresholds", "1000/2500/5000/10000")
                .containsEntry("variant", "vn");
    }

    @Test
    void eachLevelChangeAboveThreeIsAnUpdateWithItsSeverity() {
        // 35 °C / 30 %: 1375.15 a day. Days 2..8: 2750 III, 4126 III, 5501 IV, 6876, 8251, 9626,
        // 11001 V.
        double[][] hot = new double[8][];
        for (int i = 0; i < hot.length; i++) {
            hot[i] = new double[] {35, 30, 0};
        }
        run(ForestParams.DEFAULTS, hot);

        assertThat(signals)
                .extracting(Signal::action, Signal::severity, s -> s.attributes().get("level"))
                .containsExactly(
                        tuple(SignalAction.RAISE, Severity.MINOR, "III"),
                        tuple(SignalAction.UPDATE, Severity.MAJOR, "IV"),
                        tuple(SignalAction.UPDATE, Severity.CRITICAL, "V"));
    }

    @Test
    void aZoneWithProvincialThresholdsStaysQuietWhereTheNationalTableAlerts() {
        ForestParams hue =
                new ForestParams(
                        50,
                        30,
                        10,
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(30),
                        ForestFixtures.LOCAL,
                        NesterovVariant.VN,
                        FireDangerLevels.NATIONAL,
                        Map.of("forest-107-a", FireDangerLevels.parse("5000,10000,15000,20000")),
                        Duration.ofHours(2),
                        Duration.ofDays(7));

        run(hue, DRY_SPELL);

        assertThat(signals).isEmpty();
        assertThat(aggregates).extracting(a -> a.labels().get("level")).containsOnly("I");
    }

    @Test
    void theZoneTakesTheMeanOfItsStationsAndEachStationItsReadingNearestOneOClock() {
        long noon13 = dayAt(1, 13);
        StationDay a1 =
                StationDay.EMPTY
                        .with(1.0, dayAt(1, 11) - noon13, TOLERANCE, 26, 60, Double.NaN)
                        .with(0.5, Duration.ofMinutes(10).toMillis(), TOLERANCE, 31, 50, Double.NaN)
                        .with(
                                0.0,
                                -Duration.ofMinutes(10).toMillis(),
                                TOLERANCE,
                                30,
                                50,
                                Double.NaN)
                        .with(0.0, dayAt(1, 16) - noon13, TOLERANCE, 33, 30, Double.NaN);
        StationDay a2 = StationDay.EMPTY.with(3.5, 0, TOLERANCE, 32, 40, Double.NaN);
        ZoneDay day = new ZoneDay(noon13, Map.of()).with(A1, a1).with(A2, a2);

        DayWeather w = day.weather(NesterovVariant.VN);

        // a1: 12:50 wins over 13:10 at equal distance; 16:00 is beyond the 2 h tolerance.
        assertThat(w.t13()).isEqualTo(31); // (30 + 32) / 2
        assertThat(w.d13()).isCloseTo((21.169 + 28.470) / 2, within(0.001));
        assertThat(w.rainMm()).isEqualTo(2.5); // (1.5 + 3.5) / 2
        assertThat(w.stations()).isEqualTo(2);
    }
}
