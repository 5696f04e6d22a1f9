package io.cityops.jobs.detection.water;

import static io.cityops.jobs.testing.RiverFixtures.minute;
import static io.cityops.jobs.testing.RiverFixtures.muongTe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.model.Domain;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mường Tè (Đà): alarm levels I/II/III at 28 600 / 28 800 / 29 000 cm; margin 20 cm, hold-off 10
 * min.
 */
class RiverLevelAlarmTest {
    private final RiverTrace river =
            new RiverTrace(new RiverLevelAlarm(muongTe(), RiverLevelParams.DEFAULTS));

    @Test
    void risingRiverCrossesLevelTwoOnce() {
        river.at(0, 28_500).rampTo(120, 28_850);
        for (int m = 121; m <= 180; m++) {
            river.at(m, m % 2 == 0 ? 28_795 : 28_805); // waves around level II, inside the margin
        }

        assertThat(river.signals())
                .extracting(
                        Signal::action,
                        s -> s.attributes().get("level"),
                        Signal::severity,
                        Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, "1", Severity.MINOR, minute(35)),
                        tuple(SignalAction.UPDATE, "2", Severity.MAJOR, minute(103)));
    }

    @Test
    void hoveringAtLevelOneRaisesOnce() {
        double[] waves = {28_595, 28_606, 28_584, 28_610, 28_599};
        for (int m = 0; m <= 120; m++) {
            river.at(m, waves[m % waves.length]);
        }

        assertThat(river.signals()).extracting(Signal::action).containsExactly(SignalAction.RAISE);
    }

    @Test
    void clearNeedsMarginAndHoldOff() {
        river.at(0, 28_650)
                .holdUntil(30, 28_590); // below level I, but inside the margin: still level I
        river.holdUntil(40, 28_570); // under the clear line (28 580) since minute 31: 9 minutes
        assertThat(river.signals()).extracting(Signal::action).containsExactly(SignalAction.RAISE);

        river.at(41, 28_570);

        Signal clear = river.signals().get(1);
        assertThat(clear.action()).isEqualTo(SignalAction.CLEAR);
        assertThat(clear.eventTime()).isEqualTo(minute(41));
        assertThat(clear.severity()).isEqualTo(Severity.INFO);
        assertThat(clear.attributes())
                .containsEntry("level", "0")
                .containsEntry("previousLevel", "1");
        assertThat(river.state().quiet()).isTrue();
    }

    @Test
    void aRiseBackInsideTheMarginRestartsTheHoldOff() {
        river.at(0, 28_650).holdUntil(8, 28_570).at(9, 28_585).holdUntil(19, 28_570);
        assertThat(river.signals()).hasSize(1);

        river.at(20, 28_570);

        assertThat(river.signals())
                .extracting(Signal::action)
                .containsExactly(SignalAction.RAISE, SignalAction.CLEAR);
    }

    @Test
    void fallingFromThreeToOneGivesUpdates() {
        river.at(0, 28_700).rampTo(30, 29_050);
        river.holdUntil(60, 28_950); // under III's clear line (28 980) from minute 31
        river.holdUntil(90, 28_700); // under II's clear line (28 780) from minute 61, above I's
        river.holdUntil(120, 28_700);

        assertThat(river.signals())
                .extracting(
                        Signal::action,
                        s -> s.attributes().get("level"),
                        Signal::severity,
                        Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, "1", Severity.MINOR, minute(0)),
                        tuple(SignalAction.UPDATE, "2", Severity.MAJOR, minute(9)),
                        tuple(SignalAction.UPDATE, "3", Severity.CRITICAL, minute(26)),
                        tuple(SignalAction.UPDATE, "2", Severity.MAJOR, minute(41)),
                        tuple(SignalAction.UPDATE, "1", Severity.MINOR, minute(71)));
        assertThat(river.signals().get(3).message()).contains("alarm level II (down from III)");
    }

    @Test
    void aSuddenFallLowersSeveralLevelsInOneUpdate() {
        river.at(0, 29_010).holdUntil(20, 28_700);

        assertThat(river.signals())
                .extracting(
                        Signal::action,
                        s -> s.attributes().get("previousLevel"),
                        s -> s.attributes().get("level"))
                .containsExactly(
                        tuple(SignalAction.RAISE, "0", "3"), tuple(SignalAction.UPDATE, "3", "1"));
        assertThat(river.signals().get(1).eventTime()).isEqualTo(minute(11));
    }

    @Test
    void rateOfRiseIsMeasuredOverTheLastHour() {
        river.at(0, 28_530).rampTo(120, 28_600); // 35 cm/h

        Signal raise = river.signals().get(0);
        assertThat(raise.eventTime()).isEqualTo(minute(120));
        assertThat(raise.attributes()).containsEntry("riseCmPerHour", "35.0");
        assertThat(raise.message())
                .isEqualTo("Mường Tè (Đà): 286.00 m, alarm level I, rising 35 cm/h");
    }

    @Test
    void samplesStayBoundedHoweverOftenTheGaugeReports() {
        river.at(0, 28_000);
        for (int tenSeconds = 1; tenSeconds <= 3 * 360; tenSeconds++) {
            river.at(tenSeconds / 6.0, 28_000 + tenSeconds / 6.0); // 60 cm/h, every 10 s for 3 h
        }

        assertThat(river.state().samples().size()).isBetween(55, 62);
        assertThat(
                        river.state()
                                .samples()
                                .risePerHour(RiverLevelAlarm.MIN_RISE_SPAN.toMillis())
                                .getAsDouble())
                .isCloseTo(60.0, offset(0.01));
    }

    @Test
    void aRiverAlreadyAboveLevelTwoAtFirstSightRaisesMajorWithoutARate() {
        river.at(0, 28_850);

        Signal raise = river.signals().get(0);
        assertThat(raise.action()).isEqualTo(SignalAction.RAISE);
        assertThat(raise.severity()).isEqualTo(Severity.MAJOR);
        assertThat(raise.attributes()).doesNotContainKey("riseCmPerHour");
        assertThat(raise.message()).isEqualTo("Mường Tè (Đà): 288.50 m, alarm level II");
    }

    @Test
    void signalNamesTheStationItsDistrictAndTheDetector() {
        river.at(0, 28_610);

        Signal raise = river.signals().get(0);
        assertThat(raise.type()).isEqualTo("water.level");
        assertThat(raise.subjectId()).isEqualTo("rs-107-muongte");
        assertThat(raise.alertKey()).isEqualTo("water.level:rs-107-muongte");
        assertThat(raise.domain()).isEqualTo(Domain.ENVIRONMENT);
        assertThat(raise.districtId()).isEqualTo("107");
        assertThat(raise.detector()).isEqualTo("water-level/v1 margin=20cm hold=10m");
        assertThat(raise.attributes())
                .containsEntry("waterLevelCm", "28610.0")
                .containsEntry("thresholdCm", "28600.0");
    }

    @Test
    void aReadingOlderThanTheLastChangesNothing() {
        river.at(10, 28_500);
        RiverLevelState before = river.state();

        river.at(5, 28_900);

        assertThat(river.signals()).isEmpty();
        assertThat(river.state()).isSameAs(before);
    }

    @Test
    void configuredMarginAndHoldOffAreHonoured() {
        RiverTrace strict =
                new RiverTrace(
                        new RiverLevelAlarm(
                                muongTe(), new RiverLevelParams(50, Duration.ofMinutes(2))));
        strict.at(0, 28_650).holdUntil(5, 28_560); // 40 cm under level I: inside a 50 cm margin
        assertThat(strict.signals()).hasSize(1);

        strict.holdUntil(8, 28_540); // under the clear line from minute 6, two minutes at minute 8

        assertThat(strict.signals())
                .extracting(Signal::action, Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, minute(0)), tuple(SignalAction.CLEAR, minute(8)));
        assertThat(strict.signals().get(1).detector())
                .isEqualTo("water-level/v1 margin=50cm hold=2m");
    }

    @Test
    void severityFollowsTheAlarmLevel() {
        assertThat(List.of(0, 1, 2, 3))
                .extracting(RiverLevelAlarm::severity)
                .containsExactly(Severity.INFO, Severity.MINOR, Severity.MAJOR, Severity.CRITICAL);
    }

    @Test
    void aFastRiseFarBelowLevelOneIsASignalOfItsOwn() {
        // A hydropower release: +1 m in 40 minutes, still 5 m under level I.
        river.at(0, 28_000).rampTo(40, 28_100).holdUntil(120, 28_100);

        assertThat(river.signals()).isEmpty();
        assertThat(river.rises())
                .extracting(
                        Signal::type,
                        Signal::subjectId,
                        Signal::action,
                        Signal::severity,
                        Signal::eventTime)
                .containsExactly(
                        tuple(
                                "water.rise",
                                "rs-107-muongte",
                                SignalAction.RAISE,
                                Severity.MINOR,
                                minute(10)),
                        // Once the hour's window starts in the ramp the rate is 100 - 2.5 (t - 60)
                        // cm/h: under 25 (half the threshold) from minute 91, held 10 minutes.
                        tuple(
                                "water.rise",
                                "rs-107-muongte",
                                SignalAction.CLEAR,
                                Severity.INFO,
                                minute(101)));
        Signal raise = river.rises().get(0);
        assertThat(raise.alertKey()).isEqualTo("water.rise:rs-107-muongte");
        assertThat(raise.detector()).isEqualTo("water-rise/v1 above=50cm/h window=1h hold=10m");
        assertThat(raise.attributes())
                .containsEntry("riseCmPerHour", "150.0")
                .containsEntry("thresholdCmPerHour", "50.0")
                .containsEntry("clearBelowCmPerHour", "25.0");
        assertThat(raise.message())
                .isEqualTo("Mường Tè (Đà): 280.25 m, rising fast, rising 150 cm/h");
    }

    @Test
    void aRiseSlowingBetweenHalfAndTheThresholdStaysRaised() {
        river.at(0, 28_000).rampTo(60, 28_060); // 60 cm/h
        river.rampTo(240, 28_180); // 40 cm/h: under the threshold, over half of it

        assertThat(river.rises()).extracting(Signal::action).containsExactly(SignalAction.RAISE);
    }

    @Test
    void aRiseUnderTheThresholdIsNotFast() {
        river.at(0, 28_000).rampTo(180, 28_135); // 45 cm/h

        assertThat(river.rises()).isEmpty();
    }

    @Test
    void theRiseThresholdIsConfiguration() {
        RiverLevelParams p =
                RiverLevelParams.from(
                        io.cityops.model.config.Settings.of(
                                java.util.Map.of("detection.water.rise-cm-per-hour", "80")));
        assertThat(p.riseCmPerHour()).isEqualTo(80);
        assertThat(RiverLevelParams.from(io.cityops.model.config.Settings.of(java.util.Map.of())))
                .isEqualTo(RiverLevelParams.DEFAULTS);
        assertThat(RiverLevelParams.DEFAULTS.riseCmPerHour()).isEqualTo(50);

        RiverTrace lenient = new RiverTrace(new RiverLevelAlarm(muongTe(), p));
        lenient.at(0, 28_000).rampTo(60, 28_060); // 60 cm/h: fast by default, not over 80
        assertThat(lenient.rises()).isEmpty();
    }

    @Test
    void anEarlierReadingAboveAHigherLevelRaisesItAtOnceAtItsOwnTime() {
        // Level III at minute 5, seen only by a reading that arrives after minute 10's: a peak
        // seen by a late gauge must not be lost, so it is raised as event-time order would have.
        river.at(0, 28_650).at(10, 28_700).earlier(5, 29_050);
        assertThat(river.state().level()).isEqualTo(3);

        // Back under the clear lines of II and III, but only since minute 10 (the run below began
        // after minute 5 at the latest then): the hold-off keeps level III.
        river.at(11, 28_700);

        assertThat(river.signals())
                .extracting(Signal::action, s -> s.attributes().get("level"), Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, "1", minute(0)),
                        tuple(SignalAction.UPDATE, "3", minute(5)));
    }

    @Test
    void anEarlierReadingNeverLowersTheLevel() {
        river.at(0, 29_050).at(10, 29_050).earlier(5, 28_000); // level III; under every line at 5

        river.at(11, 29_050);

        assertThat(river.state().level()).isEqualTo(3);
        assertThat(river.signals())
                .extracting(Signal::action, s -> s.attributes().get("level"))
                .containsExactly(tuple(SignalAction.RAISE, "3"));
    }

    @Test
    void anEarlierReadingInsideTheMarginRestartsTheHoldOffFromTheLastReading() {
        river.at(0, 28_650).at(5, 28_570).at(10, 28_570);
        river.earlier(8, 28_590); // not under the clear line (28 580) at minute 8

        river.at(15, 28_570); // under it since 5 if minute 8 were ignored: cleared here
        assertThat(river.signals()).extracting(Signal::action).containsExactly(SignalAction.RAISE);

        river.at(20, 28_570);
        assertThat(river.signals())
                .extracting(Signal::action, Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, minute(0)),
                        tuple(SignalAction.CLEAR, minute(20)));
    }

    @Test
    void anEarlierReadingUnderTheClearLineNeverHastensAClear() {
        river.at(0, 28_650).at(4, 28_650).at(10, 28_570); // under the clear line since 10
        river.earlier(5, 28_570); // and at 5 too, but 6 to 9 are unknown

        river.at(15, 28_570);
        river.at(19, 28_570);
        assertThat(river.signals()).hasSize(1);

        river.at(20, 28_570);
        assertThat(river.signals())
                .extracting(Signal::action, Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, minute(0)),
                        tuple(SignalAction.CLEAR, minute(20)));
    }

    @Test
    void anEarlierReadingBeforeTheRunUnderTheClearLineLeavesTheHoldOff() {
        river.at(0, 28_650).at(6, 28_570).at(10, 28_570);
        river.earlier(5, 28_650); // above the line, but before the run began at 6

        river.at(16, 28_570);

        assertThat(river.signals())
                .extracting(Signal::action, Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, minute(0)),
                        tuple(SignalAction.CLEAR, minute(16)));
    }

    @Test
    void anEarlierReadingJoinsTheRateOfRiseSamplesInTimeOrder() {
        river.at(10, 28_000).earlier(0, 27_900);

        assertThat(river.state().samples().ts()).containsExactly(minute(0), minute(10));
        assertThat(river.state().latestTs()).isEqualTo(minute(10));
        assertThat(river.rises()).isEmpty(); // emitted by the next reading, not this one

        river.at(11, 28_000);

        assertThat(river.rises())
                .extracting(Signal::action, s -> s.attributes().get("riseCmPerHour"))
                .containsExactly(tuple(SignalAction.RAISE, "545.5"));
    }

    @Test
    void aReadingNotOlderThanTheLastIsNoEarlierReading() {
        river.at(10, 28_000);
        RiverLevelAlarm alarm = new RiverLevelAlarm(muongTe(), RiverLevelParams.DEFAULTS);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> alarm.onEarlierReading(river.state(), minute(10), 28_000))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> alarm.onEarlierReading(RiverLevelState.INITIAL, minute(10), 28_000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
