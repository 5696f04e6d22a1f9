package io.cityops.jobs.detection.forest;

import io.cityops.model.Domain;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The fire detector of one forest zone (DOMAIN.md, "Forest"): a station whose smoke or CO is above
 * threshold while its air warmed more than the rise within the rise window makes a suspected fire
 * (MAJOR); smoke at two stations of the zone within the confirm window, or a flame detector, makes
 * a confirmed one (CRITICAL). One incident per zone: RAISE, UPDATE when it is confirmed or another
 * station sees smoke, CLEAR once no station has seen smoke or flame for the hold-off, so smoke
 * hovering at the threshold raises once. Samples must come in event-time order.
 */
public final class ZoneFireWatch implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String TYPE = "forest.fire";

    /** One kept temperature per 30 s bounds a 10-minute trace to about 20 samples. */
    static final Duration TRACE_SPACING = Duration.ofSeconds(30);

    private final ForestParams params;

    public ZoneFireWatch(ForestParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /**
     * The outcome of one step: the zone's state, the station's trace (null for a timer), the signal
     * if any.
     */
    public record Step(ZoneFireState state, TemperatureTrace trace, Optional<Signal> signal) {}

    /** Takes one reading of a station of {@code zoneId}, with that station's trace so far. */
    public Step onSample(
            ZoneFireState s, TemperatureTrace trace, String zoneId, String zoneName, FireSample r) {
        TemperatureTrace nextTrace =
                Double.isFinite(r.temperatureC())
                        ? trace.with(
                                r.ts(),
                                r.temperatureC(),
                                params.riseWindow().toMillis(),
                                TRACE_SPACING.toMillis())
                        : trace;
        boolean smoky = r.smoky(params);
        boolean burning = smoky || r.flaming();
        Map<String, Long> seen = new HashMap<>();
        long since = r.ts() - params.confirmWindow().toMillis();
        s.smokeSeen()
                .forEach(
                        (station, t) -> {
                            if (t >= since) {
                                seen.put(station, t);
                            }
                        });
        if (burning) {
            seen.put(r.stationId(), r.ts());
        }
        long lastSmoke = burning ? r.ts() : s.lastSmokeTs();

        if (!s.quiet() && !burning && heldOff(lastSmoke, r.ts())) {
            ZoneFireState cleared = quiet(seen, lastSmoke, r.ts(), r.districtId());
            return new Step(cleared, nextTrace, Optional.of(clear(s, zoneId, zoneName, r)));
        }
        double rise = nextTrace.rise();
        boolean heat = smoky && rise > params.riseC();
        int found = r.flaming() || seen.size() >= 2 ? 2 : heat ? 1 : 0;
        if (s.quiet() && found == 0) {
            return new Step(
                    quiet(seen, lastSmoke, r.ts(), r.districtId()), nextTrace, Optional.empty());
        }
        int stage = Math.max(s.stage(), found);
        TreeSet<String> stations = new TreeSet<>();
        if (s.quiet()) {
            stations.addAll(seen.keySet());
        } else {
            stations.addAll(Arrays.asList(s.stations()));
            if (burning) {
                stations.add(r.stationId());
            }
        }
        double maxT = burning ? max(s.maxTemperatureC(), r.temperatureC()) : s.maxTemperatureC();
        double maxSmoke = burning ? max(s.maxSmokePpm(), r.smokePpm()) : s.maxSmokePpm();
        ZoneFireState next =
                new ZoneFireState(
                        stage,
                        stations.toArray(new String[0]),
                        seen,
                        lastSmoke,
                        maxT,
                        maxSmoke,
                        r.ts(),
                        r.districtId());
        boolean changed = stage > s.stage() || stations.size() > s.stations().length;
        if (!changed) {
            return new Step(next, nextTrace, Optional.empty());
        }
        String cause =
                r.flaming()
                        ? "flame"
                        : seen.size() >= 2 ? "smoke at stations" : heat ? "heat" : "smoke";
        SignalAction action = s.quiet() ? SignalAction.RAISE : SignalAction.UPDATE;
        return new Step(
                next,
                nextTrace,
                Optional.of(signal(action, next, zoneId, zoneName, r, rise, cause)));
    }

    /**
     * A timer at {@code t}, when no reading came: the incident clears once the hold-off since the
     * last smoke has passed.
     */
    public Step onTime(ZoneFireState s, String zoneId, String zoneName, long t) {
        if (s.quiet() || !heldOff(s.lastSmokeTs(), t)) {
            return new Step(s, null, Optional.empty());
        }
        Signal clear = clearSignal(s, zoneId, zoneName, s.districtId(), t);
        return new Step(
                quiet(s.smokeSeen(), s.lastSmokeTs(), s.latestTs(), s.districtId()),
                null,
                Optional.of(clear));
    }

    /** When the open incident of {@code s} clears if no more smoke comes, or NEVER. */
    public long clearTime(ZoneFireState s) {
        return s.quiet() ? ZoneFireState.NEVER : s.lastSmokeTs() + params.clearHoldOff().toMillis();
    }

    /**
     * When a quiet zone has nothing left worth keeping (traces and smoke sightings aged out), or
     * NEVER while an incident is open.
     */
    public long forgetTime(ZoneFireState s) {
        if (!s.quiet() || s.latestTs() == ZoneFireState.NEVER) {
            return ZoneFireState.NEVER;
        }
        long keep = Math.max(params.riseWindow().toMillis(), params.confirmWindow().toMillis());
        return s.latestTs() + keep;
    }

    private boolean heldOff(long lastSmoke, long t) {
        return lastSmoke == ZoneFireState.NEVER
                || t - lastSmoke >= params.clearHoldOff().toMillis();
    }

    private static ZoneFireState quiet(
            Map<String, Long> seen, long lastSmoke, long ts, String districtId) {
        return new ZoneFireState(
                0, new String[0], seen, lastSmoke, Double.NaN, Double.NaN, ts, districtId);
    }

    private static double max(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    private Signal clear(ZoneFireState s, String zoneId, String zoneName, FireSample r) {
        return clearSignal(s, zoneId, zoneName, r.districtId(), r.ts());
    }

    private Signal clearSignal(
            ZoneFireState s, String zoneId, String zoneName, String districtId, long t) {
        Map<String, String> a = evidence(s);
        a.put("lastSmokeAt", String.valueOf(s.lastSmokeTs()));
        long minutes = params.clearHoldOff().toMinutes();
        return new Signal(
                TYPE,
                zoneId,
                Domain.FOREST,
                SignalAction.CLEAR,
                Severity.INFO,
                districtId,
                t,
                params.fireProvenance(),
                zoneName + " (" + zoneId + "): no smoke or flame for " + minutes + " min",
                a);
    }

    private Signal signal(
            SignalAction action,
            ZoneFireState s,
            String zoneId,
            String zoneName,
            FireSample r,
            double rise,
            String cause) {
        Map<String, String> a = evidence(s);
        a.put("cause", cause);
        a.put("station", r.stationId());
        if (Double.isFinite(rise)) {
            a.put("temperatureRiseC", format(rise));
        }
        a.put("smokeThresholdPpm", format(params.smokePpm()));
        a.put("coThresholdPpm", format(params.coPpm()));
        a.put("riseThresholdC", format(params.riseC()));
        String message =
                String.format(
                        Locale.ROOT,
                        "%s (%s): %s (%s) at %s, max %.1f °C, smoke %.0f ppm",
                        zoneName,
                        zoneId,
                        s.stage() == 2 ? "fire confirmed" : "fire suspected",
                        cause,
                        String.join(", ", s.stations()),
                        s.maxTemperatureC(),
                        s.maxSmokePpm());
        return new Signal(
                TYPE,
                zoneId,
                Domain.FOREST,
                action,
                s.stage() == 2 ? Severity.CRITICAL : Severity.MAJOR,
                r.districtId(),
                r.ts(),
                params.fireProvenance(),
                message,
                a);
    }

    private static Map<String, String> evidence(ZoneFireState s) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("stage", s.stage() == 2 ? "confirmed" : s.stage() == 1 ? "suspected" : "none");
        a.put("stations", String.join(",", s.stations()));
        a.put("count", String.valueOf(s.stations().length));
        if (Double.isFinite(s.maxTemperatureC())) {
            a.put("maxTemperatureC", format(s.maxTemperatureC()));
        }
        if (Double.isFinite(s.maxSmokePpm())) {
            a.put("smokePpm", format(s.maxSmokePpm()));
        }
        return a;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
