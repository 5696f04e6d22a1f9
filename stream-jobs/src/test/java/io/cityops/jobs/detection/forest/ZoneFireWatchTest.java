package io.cityops.jobs.detection.forest;

import static io.cityops.jobs.detection.forest.ForestFixtures.A1;
import static io.cityops.jobs.detection.forest.ForestFixtures.A2;
import static io.cityops.jobs.detection.forest.ForestFixtures.A3;
import static io.cityops.jobs.detection.forest.ForestFixtures.air;
import static io.cityops.jobs.detection.forest.ForestFixtures.flame;
import static io.cityops.jobs.detection.forest.ForestFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.model.Domain;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import org.junit.jupiter.api.Test;

/** The fire-confirmation state machine of one zone, without Flink. */
class ZoneFireWatchTest {
    private final FireSteps zone = new FireSteps(ForestParams.DEFAULTS);

    /** Station a1 at 22 °C for five minutes, then smoke 300 ppm with the air at 33 °C. */
    private FireSteps heatAndSmokeAtA1() {
        for (int m = 0; m < 5; m++) {
            zone.take(air(A1, m, 22, 1));
        }
        return zone.take(air(A1, 5, 33, 300));
    }

    @Test
    void smokeAndHeatAtOneStationRaisesAMajorFireOnTheZone() {
        heatAndSmokeAtA1();

        assertThat(zone.signals()).hasSize(1);
        Signal raise = zone.signals().get(0);
        assertThat(raise.type()).isEqualTo("forest.fire");
        assertThat(raise.subjectId()).isEqualTo("forest-107-a");
        assertThat(raise.domain()).isEqualTo(Domain.FOREST);
        assertThat(raise.action()).isEqualTo(SignalAction.RAISE);
        assertThat(raise.severity()).isEqualTo(Severity.MAJOR);
        assertThat(raise.districtId()).isEqualTo("107");
        assertThat(raise.eventTime()).isEqualTo(minute(5));
        assertThat(raise.attributes())
                .containsEntry("stations", A1)
                .containsEntry("count", "1")
                .containsEntry("maxTemperatureC", "33.0")
                .containsEntry("smokePpm", "300.0")
                .containsEntry("temperatureRiseC", "11.0")
                .containsEntry("cause", "heat")
                .containsEntry("stage", "suspected");
        assertThat(raise.message())
                .isEqualTo(
                        "forest-107-a (forest-107-a): fire suspected (heat) at fs-107-a1,"
                                + " max 33.0 °C, smoke 300 ppm");
        assertThat(raise.detector()).startsWith("forest-fire/v1 ");
    }

    @Test
    void smokeAtAnotherStationAfterTheConfirmWindowJoinsTheIncidentWithoutConfirmingIt() {
        heatAndSmokeAtA1();
        zone.take(air(A2, 21, 22, 90)); // 16 min after a1's smoke

        assertThat(zone.signals())
                .extracting(
                        Signal::action,
                        Signal::severity,
                        s -> s.attributes().get("cause"),
                        s -> s.attributes().get("count"))
                .containsExactly(
                        tuple(SignalAction.RAISE, Severity.MAJOR, "heat", "1"),
                        tuple(SignalAction.UPDATE, Severity.MAJOR, "smoke", "2"));
    }

    @Test
    void aSecondStationSeeingSmokeWithinFifteenMinutesConfirmsTheFire() {
        heatAndSmokeAtA1();
        zone.take(air(A1, 6, 34, 320));
        zone.take(air(A2, 19, 23, 80)); // 14 min after a1's last smoke, no heat of its own

        assertThat(zone.signals())
                .extracting(
                        Signal::action,
                        Signal::severity,
                        s -> s.attributes().get("stations"),
                        s -> s.attributes().get("count"),
                        s -> s.attributes().get("maxTemperatureC"),
                        s -> s.attributes().get("smokePpm"),
                        Signal::eventTime)
                .containsExactly(
                        tuple(
                                SignalAction.RAISE,
                                Severity.MAJOR,
                                A1,
                                "1",
                                "33.0",
                                "300.0",
                                minute(5)),
                        tuple(
                                SignalAction.UPDATE,
                                Severity.CRITICAL,
                                A1 + "," + A2,
                                "2",
                                "34.0",
                                "320.0",
                                minute(19)));
    }

    @Test
    void smokeAtTwoStationsFurtherApartThanTheConfirmWindowIsNoFire() {
        zone.take(air(A1, 0, 22, 200));
        zone.take(air(A2, 16, 22, 200));

        assertThat(zone.signals()).isEmpty();
    }

    @Test
    void smokeAtTwoStationsWithinTheWindowRaisesAConfirmedFireWithoutHeat() {
        zone.take(air(A1, 0, 22, 200));
        zone.take(air(A2, 10, 22, 200));

        assertThat(zone.signals())
                .extracting(Signal::action, Signal::severity, s -> s.attributes().get("cause"))
                .containsExactly(tuple(SignalAction.RAISE, Severity.CRITICAL, "smoke at stations"));
    }

    @Test
    void aFlameDetectorRaisesACriticalFireAtOnce() {
        zone.take(flame(A3, 0));

        assertThat(zone.signals())
                .extracting(
                        Signal::action,
                        Signal::severity,
                        s -> s.attributes().get("cause"),
                        s -> s.attributes().get("stations"))
                .containsExactly(tuple(SignalAction.RAISE, Severity.CRITICAL, "flame", A3));
    }

    @Test
    void smokeAloneAtOneStationWithoutATemperatureRiseIsNothing() {
        for (int m = 0; m <= 30; m++) {
            zone.take(air(A1, m, 22 + 0.1 * (m % 3), 250));
        }

        assertThat(zone.signals()).isEmpty();
        assertThat(zone.state().quiet()).isTrue();
    }

    @Test
    void aRiseOfExactlyTenDegreesIsNotMoreThanTen() {
        zone.take(air(A1, 0, 22, 1));
        zone.take(air(A1, 5, 32, 300));

        assertThat(zone.signals()).isEmpty();
    }

    @Test
    void theFireClearsOnlyAfterThirtyMinutesWithoutSmoke() {
        heatAndSmokeAtA1();
        for (int m = 6; m <= 40; m++) {
            zone.take(air(A1, m, m < 10 ? 33 : 24, m < 10 ? 300 : 2)); // last smoke at minute 9
        }

        assertThat(zone.signals())
                .extracting(Signal::action, Signal::severity, Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, Severity.MAJOR, minute(5)),
                        tuple(SignalAction.CLEAR, Severity.INFO, minute(39)));
        Signal clear = zone.signals().get(1);
        assertThat(clear.attributes())
                .containsEntry("stations", A1)
                .containsEntry("lastSmokeAt", String.valueOf(minute(9)));
        assertThat(zone.state().quiet()).isTrue();
    }

    @Test
    void aTimerClearsTheFireWhenNoReadingComes() {
        heatAndSmokeAtA1();

        zone.timer(minute(34));
        assertThat(zone.signals()).hasSize(1);
        zone.timer(minute(35));

        assertThat(zone.signals())
                .extracting(Signal::action, Signal::eventTime, Signal::districtId)
                .containsExactly(
                        tuple(SignalAction.RAISE, minute(5), "107"),
                        tuple(SignalAction.CLEAR, minute(35), "107"));
    }

    @Test
    void smokeHoveringAtTheThresholdRaisesOnce() {
        for (int m = 0; m < 5; m++) {
            zone.take(air(A1, m, 22, 1));
        }
        for (int m = 5; m <= 60; m++) {
            zone.take(air(A1, m, 34, m % 2 == 0 ? 50 : 49)); // 50 ppm is the threshold
        }

        assertThat(zone.signals()).extracting(Signal::action).containsExactly(SignalAction.RAISE);
    }

    @Test
    void anotherStationJoiningAConfirmedFireIsAnUpdateButTheSameStationAgainIsNot() {
        zone.take(air(A1, 0, 22, 200));
        zone.take(air(A2, 1, 22, 200));
        zone.take(air(A1, 2, 22, 400));
        zone.take(air(A3, 3, 22, 90));

        assertThat(zone.signals())
                .extracting(Signal::action, Signal::severity, s -> s.attributes().get("count"))
                .containsExactly(
                        tuple(SignalAction.RAISE, Severity.CRITICAL, "2"),
                        tuple(SignalAction.UPDATE, Severity.CRITICAL, "3"));
    }
}
