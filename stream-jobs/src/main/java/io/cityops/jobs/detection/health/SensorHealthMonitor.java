package io.cityops.jobs.detection.health;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.Sensor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The sensor-health rules, free of Flink: stuck (a metric that should vary repeats the same value
 * for {@code stuckReadings} consecutive readings) and burst (more than {@code burstCount} jumps
 * larger than the metric's plausible step within {@code burstWindow}), plus the signals of silence,
 * whose timing the operator owns. One RAISE when a condition starts, one CLEAR when it ends.
 */
public final class SensorHealthMonitor implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String SILENT = "sensor.silent";
    public static final String STUCK = "sensor.stuck";
    public static final String BURST = "sensor.burst";

    private final SensorHealthParams params;

    public SensorHealthMonitor(SensorHealthParams params) {
        this.params = params;
    }

    public SensorHealthParams params() {
        return params;
    }

    /**
     * Takes a reading into the stuck and burst checks. Readings not newer than the last one taken
     * (duplicates, out-of-order arrivals) are skipped: they are not "consecutive".
     */
    public void onReading(SensorHealthState st, SensorReading r, Consumer<Signal> out) {
        Sensor sensor = r.sensor();
        st.sensor = sensor;
        st.lastSeen = Math.max(st.lastSeen, r.ts());
        if (r.ts() <= st.lastTs) {
            return;
        }
        boolean consecutive =
                st.lastTs != Long.MIN_VALUE
                        && r.ts() - st.lastTs <= params.burstMaxGap().toMillis();
        String stuckMetric = null;
        String jumpMetric = null;
        double jump = 0;
        for (Map.Entry<String, Double> m : r.reading().metrics().entrySet()) {
            String key = m.getKey();
            double v = m.getValue();
            Double prev = st.lastValues.put(key, v);
            int n = prev != null && prev == v ? st.repeats.getOrDefault(key, 1) + 1 : 1;
            st.repeats.put(key, n);
            if (n >= params.stuckReadings() && params.stuckMetrics(sensor.kind()).contains(key)) {
                stuckMetric = key;
            }
            Double step = params.burstSteps().get(key);
            if (consecutive && prev != null && step != null && Math.abs(v - prev) > step) {
                jumpMetric = key;
                jump = v - prev;
            }
        }
        st.lastTs = r.ts();
        stuck(st, r, stuckMetric, out);
        burst(st, r, jumpMetric, jump, out);
    }

    private void stuck(SensorHealthState st, SensorReading r, String metric, Consumer<Signal> out) {
        if (metric != null && !st.stuckRaised) {
            st.stuckRaised = true;
            out.accept(
                    signal(
                            STUCK,
                            SignalAction.RAISE,
                            Severity.MINOR,
                            st.sensor,
                            r.ts(),
                            String.format(
                                    Locale.ROOT,
                                    "sensor %s stuck: %s = %s for %d readings",
                                    st.sensor.id(),
                                    metric,
                                    st.lastValues.get(metric),
                                    st.repeats.get(metric)),
                            Map.of(
                                    "metric", metric,
                                    "value", String.valueOf(st.lastValues.get(metric)),
                                    "readings", String.valueOf(st.repeats.get(metric)),
                                    "threshold", String.valueOf(params.stuckReadings()))));
        } else if (metric == null && st.stuckRaised) {
            st.stuckRaised = false;
            out.accept(
                    signal(
                            STUCK,
                            SignalAction.CLEAR,
                            Severity.MINOR,
                            st.sensor,
                            r.ts(),
                            "sensor " + st.sensor.id() + " values vary again",
                            Map.of("threshold", String.valueOf(params.stuckReadings()))));
        }
    }

    private void burst(
            SensorHealthState st,
            SensorReading r,
            String metric,
            double jump,
            Consumer<Signal> out) {
        long since = r.ts() - params.burstWindow().toMillis();
        int keep = 0;
        while (keep < st.bursts.length && st.bursts[keep] <= since) {
            keep++;
        }
        long[] bursts =
                keep == 0 ? st.bursts : Arrays.copyOfRange(st.bursts, keep, st.bursts.length);
        if (metric != null) {
            bursts = Arrays.copyOf(bursts, bursts.length + 1);
            bursts[bursts.length - 1] = r.ts();
            if (bursts.length > params.burstCount() + 1) { // only "more than K" matters
                bursts = Arrays.copyOfRange(bursts, 1, bursts.length);
            }
        }
        st.bursts = bursts;
        if (!st.burstRaised && bursts.length > params.burstCount()) {
            st.burstRaised = true;
            out.accept(
                    signal(
                            BURST,
                            SignalAction.RAISE,
                            Severity.INFO,
                            st.sensor,
                            r.ts(),
                            "sensor "
                                    + st.sensor.id()
                                    + " jumped implausibly "
                                    + bursts.length
                                    + " times within "
                                    + params.burstWindow(),
                            burstEvidence(bursts.length, metric, jump)));
        } else if (st.burstRaised && bursts.length == 0) {
            st.burstRaised = false;
            out.accept(
                    signal(
                            BURST,
                            SignalAction.CLEAR,
                            Severity.INFO,
                            st.sensor,
                            r.ts(),
                            "sensor " + st.sensor.id() + " readings plausible again",
                            burstEvidence(0, null, 0)));
        }
    }

    private Map<String, String> burstEvidence(int bursts, String metric, double jump) {
        Map<String, String> evidence = new HashMap<>();
        evidence.put("bursts", String.valueOf(bursts));
        evidence.put("threshold", String.valueOf(params.burstCount()));
        evidence.put("window", params.burstWindow().toString());
        if (metric != null) {
            evidence.put("metric", metric);
            evidence.put("jump", String.valueOf(jump));
            evidence.put("step", String.valueOf(params.burstSteps().get(metric)));
        }
        return evidence;
    }

    /** The CLEARs of every open condition of a sensor that was taken out of service. */
    public List<Signal> onRetired(SensorHealthState st, long eventTime) {
        return closeAll(st, eventTime, "retired", "retired");
    }

    /**
     * The CLEARs ({@code reason=forgotten}) of every open condition of a sensor whose state is
     * dropped: after the retention, or an exempt kind falling silent. Without them an alert opened
     * before would stay open for ever, since the sensor's next reading starts from empty state.
     */
    public List<Signal> onForgotten(SensorHealthState st, long eventTime, String why) {
        return closeAll(st, eventTime, "forgotten", why);
    }

    private List<Signal> closeAll(
            SensorHealthState st, long eventTime, String reason, String detail) {
        List<Signal> clears = new ArrayList<>();
        Map<String, String> why = Map.of("reason", reason);
        String msg = "sensor " + st.sensor.id() + " " + detail;
        if (st.silentRaised) {
            clears.add(
                    signal(
                            SILENT,
                            SignalAction.CLEAR,
                            Severity.MINOR,
                            st.sensor,
                            eventTime,
                            msg,
                            Map.of(
                                    "reason", reason,
                                    "heartbeatSec", String.valueOf(st.sensor.heartbeatSec()),
                                    "factor", String.valueOf(params.silence().factor()))));
        }
        if (st.stuckRaised) {
            clears.add(
                    signal(
                            STUCK,
                            SignalAction.CLEAR,
                            Severity.MINOR,
                            st.sensor,
                            eventTime,
                            msg,
                            why));
        }
        if (st.burstRaised) {
            clears.add(
                    signal(
                            BURST,
                            SignalAction.CLEAR,
                            Severity.INFO,
                            st.sensor,
                            eventTime,
                            msg,
                            why));
        }
        return clears;
    }

    /** The signal that a sensor fell silent; {@code since} is its last reading's time. */
    public Signal silent(Sensor sensor, long since) {
        long window = params.silence().windowMs(sensor);
        return signal(
                SILENT,
                SignalAction.RAISE,
                Severity.MINOR,
                sensor,
                since + window,
                "sensor " + sensor.id() + " silent: no reading for " + window / 1000 + " s",
                Map.of(
                        "lastReading", String.valueOf(since),
                        "heartbeatSec", String.valueOf(sensor.heartbeatSec()),
                        "factor", String.valueOf(params.silence().factor())));
    }

    /** The signal that a silent sensor reports again (or was retired). */
    public Signal reporting(Sensor sensor, long eventTime, String why) {
        return signal(
                SILENT,
                SignalAction.CLEAR,
                Severity.MINOR,
                sensor,
                eventTime,
                "sensor " + sensor.id() + " " + why,
                Map.of(
                        "heartbeatSec", String.valueOf(sensor.heartbeatSec()),
                        "factor", String.valueOf(params.silence().factor())));
    }

    private Signal signal(
            String type,
            SignalAction action,
            Severity severity,
            Sensor sensor,
            long eventTime,
            String message,
            Map<String, String> attributes) {
        return new Signal(
                type,
                sensor.id(),
                sensor.domain(),
                action,
                severity,
                sensor.districtId(),
                eventTime,
                provenance(type),
                message,
                attributes);
    }

    private String provenance(String type) {
        return switch (type) {
            case SILENT -> "sensor-health/v1 silent=heartbeat*" + params.silence().factor();
            case STUCK -> "sensor-health/v1 stuck=" + params.stuckReadings() + " readings";
            default ->
                    "sensor-health/v1 burst>"
                            + params.burstCount()
                            + " in "
                            + params.burstWindow().toMinutes()
                            + "m";
        };
    }
}
