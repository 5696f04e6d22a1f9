package io.cityops.jobs.detection.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The district {@code air.aqi} alert: raise, climb, hysteresis, clear. */
class AqiAlarmTest {
    private final AqiAlarm alarm = new AqiAlarm(AirParams.DEFAULTS);

    private List<Signal> run(int... hourlyAqi) {
        AirAlarmState s = AirAlarmState.IDLE;
        List<Signal> out = new ArrayList<>();
        for (int h = 0; h < hourlyAqi.length; h++) {
            AqiAlarm.Step step = alarm.onHour(s, district(h, hourlyAqi[h]));
            s = step.state();
            step.signal().ifPresent(out::add);
        }
        return out;
    }

    @Test
    void hoveringAt150And151RaisesOnceAndNeverFlaps() {
        assertThat(run(140, 151, 150, 151, 150, 151, 150, 151))
                .extracting(Signal::action, s -> s.attributes().get("aqi"))
                .containsExactly(tuple(SignalAction.RAISE, "151"));
    }

    @Test
    void exactly150IsNotUnhealthy() {
        assertThat(run(150, 150, 150)).isEmpty();
    }

    @Test
    void everyCategoryChangeAboveTheBoundaryUpdatesUpOrDownAndTheSeverityFollows() {
        assertThat(run(120, 160, 210, 190, 320, 250, 260))
                .extracting(Signal::action, Signal::severity, s -> s.attributes().get("category"))
                .containsExactly(
                        tuple(SignalAction.RAISE, Severity.MINOR, "bad"),
                        tuple(SignalAction.UPDATE, Severity.MAJOR, "very-bad"),
                        tuple(SignalAction.UPDATE, Severity.MINOR, "bad"),
                        tuple(SignalAction.UPDATE, Severity.CRITICAL, "hazardous"),
                        tuple(SignalAction.UPDATE, Severity.MAJOR, "very-bad"));
    }

    @Test
    void messagesAreFormattedTheSameInEveryDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ar-EG-u-nu-arab"));
            assertThat(run(160).get(0).message()).startsWith("District 105: AQI 160 (");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void forgettingARaisedAlertClearsItWithReasonNoData() {
        AqiAlarm.Step raised = alarm.onHour(AirAlarmState.IDLE, district(0, 210));
        assertThat(alarm.forget(raised.state(), "105", hourEnd(3)))
                .get()
                .extracting(
                        Signal::action,
                        Signal::severity,
                        Signal::eventTime,
                        s -> s.attributes().get("reason"),
                        s -> s.attributes().get("previousCategory"))
                .containsExactly(
                        SignalAction.CLEAR, Severity.INFO, hourEnd(3), "no-data", "very-bad");
        assertThat(alarm.forget(AirAlarmState.IDLE, "105", hourEnd(3))).isEmpty();
    }

    @Test
    void clearsAfterAnHourBelowTheBoundary() {
        List<Signal> signals = run(160, 140, 130, 120);
        assertThat(signals)
                .extracting(Signal::action, Signal::eventTime)
                .containsExactly(
                        tuple(SignalAction.RAISE, hourEnd(0)),
                        tuple(SignalAction.CLEAR, hourEnd(2)));
        Signal clear = signals.get(1);
        assertThat(clear.severity()).isEqualTo(Severity.INFO);
        assertThat(clear.subjectId()).isEqualTo("105");
        assertThat(clear.attributes())
                .containsEntry("aqi", "130")
                .containsEntry("category", "poor")
                .containsEntry("dominant", "pm25")
                .containsEntry("standard", "vn");
    }

    @Test
    void aReturnAboveRestartsTheHoldOff() {
        assertThat(run(160, 140, 160, 140, 140))
                .extracting(Signal::action)
                .containsExactly(SignalAction.RAISE, SignalAction.CLEAR);
        assertThat(run(160, 140, 160, 140, 140).get(1).eventTime()).isEqualTo(hourEnd(4));
    }

    @Test
    void boundaryAndHoldOffAreConfiguration() {
        AqiAlarm strict =
                new AqiAlarm(
                        new AirParams(AqiStandardId.VN, 100, Duration.ZERO, "Asia/Ho_Chi_Minh"));
        AirAlarmState s = AirAlarmState.IDLE;
        List<Signal> out = new ArrayList<>();
        int[] aqi = {101, 99};
        for (int h = 0; h < aqi.length; h++) {
            AqiAlarm.Step step = strict.onHour(s, district(h, aqi[h]));
            s = step.state();
            step.signal().ifPresent(out::add);
        }
        assertThat(out)
                .extracting(Signal::action, Signal::severity)
                .containsExactly(
                        tuple(SignalAction.RAISE, Severity.MINOR),
                        tuple(SignalAction.CLEAR, Severity.INFO));
    }

    static long hourEnd(int h) {
        return h * StationHour.HOUR_MS + StationHour.HOUR_MS - 1;
    }

    static AqiObservation district(int hour, int aqi) {
        return new AqiObservation(
                "105",
                "aq-105-1",
                "105",
                AqiObservation.HOURLY,
                hour * StationHour.HOUR_MS,
                AqiStandardId.VN,
                aqi,
                AqiCategory.of(aqi),
                Pollutant.PM25,
                aqi,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN);
    }
}
