package io.cityops.jobs.detection.rain;

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
 * The {@code rain.accumulation} alert of one gauge: RAISE when any of the 1 h / 3 h / 24 h sums
 * exceeds its threshold, UPDATE when a further threshold is exceeded, CLEAR when every sum is back
 * below its threshold by the clear margin. The state is the mask of thresholds signalled so far (0
 * when no alert is raised). Severity grows with the thresholds exceeded: one MINOR, two MAJOR, all
 * three CRITICAL.
 */
public final class RainAlarm implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String TYPE = "rain.accumulation";

    private final RainParams params;

    public RainAlarm(RainParams params) {
        this.params = params;
    }

    /** The next mask, and the signal if the alert changes. */
    public record Step(int mask, Optional<Signal> signal) {}

    public Step onSums(int mask, RainSums sums, String gauge, String districtId, long t) {
        RainThresholds th = params.thresholdsFor(districtId);
        int now = th.exceeded(sums);
        if (mask == 0) {
            return now == 0
                    ? new Step(0, Optional.empty())
                    : new Step(
                            now,
                            Optional.of(
                                    signal(
                                            SignalAction.RAISE,
                                            now,
                                            now,
                                            sums,
                                            th,
                                            gauge,
                                            districtId,
                                            t)));
        }
        int grown = mask | now;
        if (grown != mask) {
            return new Step(
                    grown,
                    Optional.of(
                            signal(
                                    SignalAction.UPDATE,
                                    grown,
                                    grown & ~mask,
                                    sums,
                                    th,
                                    gauge,
                                    districtId,
                                    t)));
        }
        if (th.allBelow(sums, params.clearMargin())) {
            return new Step(
                    0,
                    Optional.of(
                            signal(SignalAction.CLEAR, mask, 0, sums, th, gauge, districtId, t)));
        }
        return new Step(mask, Optional.empty());
    }

    static Severity severity(int mask) {
        return switch (Integer.bitCount(mask)) {
            case 1 -> Severity.MINOR;
            case 2 -> Severity.MAJOR;
            default -> Severity.CRITICAL;
        };
    }

    private Signal signal(
            SignalAction action,
            int mask,
            int newly,
            RainSums s,
            RainThresholds th,
            String gauge,
            String districtId,
            long t) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("rain1hMm", RainThresholds.fmt(s.rain1hMm()));
        a.put("rain3hMm", RainThresholds.fmt(s.rain3hMm()));
        a.put("rain24hMm", RainThresholds.fmt(s.rain24hMm()));
        a.put("exceeded", RainThresholds.names(mask));
        if (newly != 0) {
            a.put("threshold", RainThresholds.names(newly));
        }
        a.put("thresholdsMm", th.toString());
        String message =
                action == SignalAction.CLEAR
                        ? String.format(
                                Locale.ROOT,
                                "Gauge %s: rain back below thresholds (1h %s, 3h %s, 24h %s mm)",
                                gauge,
                                a.get("rain1hMm"),
                                a.get("rain3hMm"),
                                a.get("rain24hMm"))
                        : String.format(
                                Locale.ROOT,
                                "Gauge %s: heavy rain over %s (1h %s, 3h %s, 24h %s mm; thresholds %s mm)",
                                gauge,
                                RainThresholds.names(mask),
                                a.get("rain1hMm"),
                                a.get("rain3hMm"),
                                a.get("rain24hMm"),
                                th);
        return new Signal(
                TYPE,
                gauge,
                Domain.ENVIRONMENT,
                action,
                action == SignalAction.CLEAR ? Severity.INFO : severity(mask),
                districtId,
                t,
                params.provenance(),
                message,
                a);
    }
}
