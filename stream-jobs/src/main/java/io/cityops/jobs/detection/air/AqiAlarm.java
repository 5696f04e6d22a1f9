package io.cityops.jobs.detection.air;

import io.cityops.model.Domain;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code air.aqi} alert of one district, from its hourly AQIs in order (DOMAIN.md
 * "Environment"): RAISE when the AQI rises above the boundary (default 150, into "Xấu"/bad), UPDATE
 * when it reaches a higher category than signalled so far, CLEAR once it has stayed at or below the
 * boundary for the hold-off (default one hour: two hourly values in a row). So a district hovering
 * at 150/151 is one alert, not one per hour.
 */
public final class AqiAlarm implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String TYPE = "air.aqi";

    /** The {@code reason} attribute of a CLEAR sent because the district stopped reporting. */
    public static final String NO_DATA = "no-data";

    private final AirParams params;

    public AqiAlarm(AirParams params) {
        this.params = params;
    }

    public AirParams params() {
        return params;
    }

    /** The next state, and the signal if the alert changes. */
    public record Step(AirAlarmState state, Optional<Signal> signal) {}

    public Step onHour(AirAlarmState s, AqiObservation d) {
        boolean above = d.aqi() > params.raiseAboveAqi();
        int level = d.category().ordinal();
        if (!s.raised()) {
            return above
                    ? new Step(
                            new AirAlarmState(level, AirAlarmState.NOT_BELOW),
                            Optional.of(signal(SignalAction.RAISE, d)))
                    : new Step(s, Optional.empty());
        }
        if (above) {
            AirAlarmState next = new AirAlarmState(level, AirAlarmState.NOT_BELOW);
            return level != s.raisedLevel()
                    ? new Step(next, Optional.of(signal(SignalAction.UPDATE, d)))
                    : new Step(next, Optional.empty());
        }
        long since = s.belowSince() == AirAlarmState.NOT_BELOW ? d.windowStart() : s.belowSince();
        if (d.windowStart() - since >= params.clearHoldOff().toMillis()) {
            return new Step(AirAlarmState.IDLE, Optional.of(signal(SignalAction.CLEAR, d)));
        }
        return new Step(new AirAlarmState(s.raisedLevel(), since), Optional.empty());
    }

    /**
     * Clears a raised alert because no hourly AQI of the district has come for {@code
     * params.forgetAfter()} (every station stopped): a CLEAR with {@code reason=no-data} stamped
     * {@code eventTime}, or nothing when no alert is raised.
     */
    public Optional<Signal> forget(AirAlarmState s, String districtId, long eventTime) {
        if (!s.raised()) {
            return Optional.empty();
        }
        Map<String, String> a = new LinkedHashMap<>();
        a.put("previousCategory", AqiCategory.values()[s.raisedLevel()].code());
        a.put("reason", NO_DATA);
        a.put("silentFor", params.forgetAfter().toMinutes() + "m");
        a.put("standard", params.standard().code());
        a.put("boundary", String.valueOf(params.raiseAboveAqi()));
        String message =
                String.format(
                        Locale.ROOT,
                        "District %s: no AQI from any station for %d min, alert cleared (air"
                                + " quality unknown)",
                        districtId,
                        params.forgetAfter().toMinutes());
        return Optional.of(
                new Signal(
                        TYPE,
                        districtId,
                        Domain.ENVIRONMENT,
                        SignalAction.CLEAR,
                        Severity.INFO,
                        districtId,
                        eventTime,
                        params.provenance(),
                        message,
                        a));
    }

    static Severity severity(AqiCategory c) {
        return switch (c) {
            case HAZARDOUS -> Severity.CRITICAL;
            case VERY_BAD -> Severity.MAJOR;
            default -> Severity.MINOR;
        };
    }

    private Signal signal(SignalAction action, AqiObservation d) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("aqi", String.valueOf(d.aqi()));
        a.put("category", d.category().code());
        a.put("categoryName", d.category().nameIn(d.standard()));
        a.put("dominant", d.dominant().key());
        a.put("standard", d.standard().code());
        a.put("station", d.stationId());
        a.put("boundary", String.valueOf(params.raiseAboveAqi()));
        a.put("hourStart", String.valueOf(d.windowStart()));
        String message =
                action == SignalAction.CLEAR
                        ? String.format(
                                Locale.ROOT,
                                "District %s: AQI %d (%s), back at or below %d",
                                d.districtId(),
                                d.aqi(),
                                d.category().nameIn(d.standard()),
                                params.raiseAboveAqi())
                        : String.format(
                                Locale.ROOT,
                                "District %s: AQI %d (%s), dominant %s at station %s",
                                d.districtId(),
                                d.aqi(),
                                d.category().nameIn(d.standard()),
                                d.dominant().key(),
                                d.stationId());
        return new Signal(
                TYPE,
                d.districtId(),
                Domain.ENVIRONMENT,
                action,
                action == SignalAction.CLEAR ? Severity.INFO : severity(d.category()),
                d.districtId(),
                d.windowStart() + StationHour.HOUR_MS - 1,
                params.provenance(),
                message,
                a);
    }
}
