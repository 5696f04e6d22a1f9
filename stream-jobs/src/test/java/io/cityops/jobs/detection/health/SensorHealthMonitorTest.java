package io.cityops.jobs.detection.health;

import static io.cityops.jobs.detection.health.HealthFixtures.FOREST;
import static io.cityops.jobs.detection.health.HealthFixtures.minute;
import static io.cityops.jobs.detection.health.HealthFixtures.weather;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Domain;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stuck and burst rules, without Flink. */
class SensorHealthMonitorTest {
    private final SensorHealthMonitor monitor =
            new SensorHealthMonitor(SensorHealthParams.DEFAULTS);
    private final SensorHealthState state = new SensorHealthState();
    private final List<Signal> out = new ArrayList<>();

    private void take(SensorReading r) {
        monitor.onReading(state, r, out::add);
    }

    @Test
    void twentyIdenticalTemperaturesMakeTheStationStuckOnceAndAChangeClearsIt() {
        for (int i = 0; i < 25; i++) {
            take(weather(i, 21.5, 60 + i)); // humidity varies; flame is always 0 and not checked
        }
        take(weather(25, 21.6, 85));

        assertThat(out)
                .extracting(
                        Signal::type,
                        Signal::action,
                        Signal::severity,
                        Signal::subjectId,
                        Signal::domain,
                        Signal::districtId,
                        Signal::eventTime)
                .containsExactly(
                        tuple(
                                "sensor.stuck",
                                SignalAction.RAISE,
                                Severity.MINOR,
                                "fs-104-01",
                                Domain.FOREST,
                                "104",
                                minute(19)),
                        tuple(
                                "sensor.stuck",
                                SignalAction.CLEAR,
                                Severity.MINOR,
                                "fs-104-01",
                                Domain.FOREST,
                                "104",
                                minute(25)));
        assertThat(out.get(0).attributes())
                .containsEntry("metric", "temperatureC")
                .containsEntry("readings", "20")
                .containsEntry("value", "21.5");
    }

    @Test
    void nineteenIdenticalValuesAreNotStuckAndAConstantFlameNeverIs() {
        for (int i = 0; i < 19; i++) {
            take(weather(i, 21.5, 60 + i));
        }
        for (int i = 19; i < 60; i++) {
            take(weather(i, 21.5 + i, 60 + i));
        }

        assertThat(out).isEmpty();
    }

    @Test
    void aDuplicateReadingIsNotAConsecutiveOne() {
        for (int i = 0; i < 19; i++) {
            take(weather(i, 21.5, 60 + i));
            take(weather(i, 21.5, 60 + i));
        }

        assertThat(out).isEmpty();
    }

    @Test
    void moreThanThreeImplausibleJumpsWithinAnHourRaiseOneBurstAndAQuietHourClearsIt() {
        double[] temps = {20, 36, 20, 36, 20, 21, 22}; // jumps of 16 °C at minutes 1, 2, 3, 4
        for (int i = 0; i < temps.length; i++) {
            take(weather(i, temps[i], 60 + i));
        }
        take(weather(64, 22, 70)); // the newest jump (minute 4) is an hour old
        take(weather(65, 22.5, 71));

        assertThat(out)
                .extracting(Signal::type, Signal::action, Signal::severity, Signal::eventTime)
                .containsExactly(
                        tuple("sensor.burst", SignalAction.RAISE, Severity.INFO, minute(4)),
                        tuple("sensor.burst", SignalAction.CLEAR, Severity.INFO, minute(64)));
        assertThat(out.get(0).attributes())
                .containsEntry("metric", "temperatureC")
                .containsEntry("bursts", "4")
                .containsEntry("jump", "-16.0")
                .containsEntry("step", "15.0");
    }

    @Test
    void threeJumpsAreNotABurstNorIsAJumpAfterALongGap() {
        double[] temps = {20, 36, 20, 36};
        for (int i = 0; i < temps.length; i++) {
            take(weather(i, temps[i], 60));
        }
        take(weather(30, 5, 60)); // 31 °C, but 26 minutes after the previous reading

        assertThat(out).isEmpty();
        assertThat(state.bursts).containsExactly(minute(1), minute(2), minute(3));
    }

    @Test
    void aSilenceSignalNamesTheSensorAndWhenItFellSilent() {
        Signal s = monitor.silent(FOREST, minute(10));

        assertThat(s)
                .extracting(
                        Signal::type,
                        Signal::action,
                        Signal::severity,
                        Signal::subjectId,
                        Signal::domain,
                        Signal::eventTime)
                .containsExactly(
                        "sensor.silent",
                        SignalAction.RAISE,
                        Severity.MINOR,
                        "fs-104-01",
                        Domain.FOREST,
                        minute(13));
        assertThat(s.detector()).isEqualTo("sensor-health/v1 silent=heartbeat*3");
    }
}
