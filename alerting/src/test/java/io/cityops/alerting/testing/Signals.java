package io.cityops.alerting.testing;

import io.cityops.model.Domain;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Named builders of signals for the sample province, at fixed instants. */
public final class Signals {
    /** 06:00 UTC on a July morning, when the Đà rises after a night of rain. */
    public static final long T0 = Instant.parse("2025-07-01T06:00:00Z").toEpochMilli();

    public static final String MUONG_TE_STATION = "rs-107-muongte";
    public static final String MUONG_TE_ALERT = "water.level:" + MUONG_TE_STATION;

    private Signals() {}

    public static long at(Duration sinceT0) {
        return T0 + sinceT0.toMillis();
    }

    /** A water-level signal at the Mường Tè river station (district 107). */
    public static Signal muongTeWater(SignalAction action, Severity severity, Duration sinceT0) {
        return new Signal(
                "water.level",
                MUONG_TE_STATION,
                Domain.ENVIRONMENT,
                action,
                severity,
                "107",
                at(sinceT0),
                "water-level/v1",
                "Đà at Mường Tè: " + action + " " + severity,
                Map.of("levelCm", String.valueOf(28_700 + 50 * severity.ordinal())));
    }

    /** A forest-fire signal for a zone of district 110 (Than Uyên). */
    public static Signal thanUyenFire(SignalAction action, Severity severity, Duration sinceT0) {
        return new Signal(
                "forest.fire",
                "forest-110-a",
                Domain.FOREST,
                action,
                severity,
                "110",
                at(sinceT0),
                "forest-fire/v1",
                "Smoke at two stations",
                Map.of("stations", "2"));
    }

    /** A signal on any subject, e.g. a meter offline or a transformer outage. */
    public static Signal on(
            String type,
            String subjectId,
            Domain domain,
            String districtId,
            SignalAction action,
            Severity severity,
            Duration sinceT0) {
        return new Signal(
                type,
                subjectId,
                domain,
                action,
                severity,
                districtId,
                at(sinceT0),
                type + "/v1",
                type + " " + subjectId,
                Map.of("windowEnd", String.valueOf(at(sinceT0)), "quality", "good"));
    }

    /** Any signal, for routing tests. */
    public static Signal signal(String type, Domain domain, String districtId) {
        return new Signal(
                type,
                "subject-1",
                domain,
                SignalAction.RAISE,
                Severity.MAJOR,
                districtId,
                T0,
                "test/v1",
                type + " in " + districtId,
                Map.of());
    }
}
