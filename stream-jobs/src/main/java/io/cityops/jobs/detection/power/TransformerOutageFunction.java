package io.cityops.jobs.detection.power;

import io.cityops.jobs.coverage.liveness.SilenceRule;
import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Metric;
import io.cityops.model.Signal;
import io.cityops.model.city.SensorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link OutageRule} per transformer (keyed by transformer id) over its customer meters'
 * readings, in arrival order. A meter is dark on a last gasp or (near) zero volts, and silent when
 * no reading arrived within heartbeat × {@link SilenceRule#factor()}: silence is timed with
 * <b>processing-time</b> timers, which fire even when the whole stream is quiet — as it is when
 * every meter of a transformer loses supply at once (same reasoning as {@code
 * SensorLivenessFunction}). One timer per transformer, at the earliest deadline of its lit meters.
 * When every meter has been silent for {@code forgetAfter}, the transformer is forgotten: its state
 * and timers go, and a raised outage is cleared with {@code reason=forgotten}.
 *
 * <p>Processing-time deadlines are checkpointed. After a restore (or any restart) following
 * downtime, every deadline that passed meanwhile fires at once, before the backlog of readings
 * waiting in Kafka is read: judged then, every meter of every transformer would be "silent". So a
 * deadline that falls before the operator's start + {@link PowerParams#restartGrace()} is not
 * judged but re-armed to that time; backlog readings arriving meanwhile re-light their meters (any
 * reading re-arms its meter, whatever its event time), and only meters still unheard then count as
 * silent — an outage that silenced every meter during the downtime is still reported.
 */
public final class TransformerOutageFunction
        extends KeyedProcessFunction<String, SensorReading, Signal> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TransformerOutageFunction.class);

    /** Smart meters report every minute or so; assumed for a sensor registered without one. */
    static final long UNKNOWN_HEARTBEAT_MS = 60_000;

    private final TransformerMeters roll;
    private final PowerParams params;
    private final OutageRule rule;
    private final SilenceRule silence;

    private transient MapState<String, MeterLight> meters;
    private transient ValueState<OutageState> outage;
    private transient ValueState<Long> nextCheck;
    private transient ValueState<Long> forgetAt;
    private transient ValueState<String> district;

    /** Meters the city model lists under this transformer that moved to another one. */
    private transient MapState<String, Long> departed;

    /**
     * Processing time of this instance's first callback after {@link #open}: when it (re)started.
     * The timer service is not reachable from {@code open}, and the first timer or reading comes at
     * once after it.
     */
    private transient long openedAt;

    public TransformerOutageFunction(TransformerMeters roll, PowerParams params) {
        this.roll = roll;
        this.params = params;
        this.rule = new OutageRule(params);
        this.silence = new SilenceRule(params.silenceFactor());
    }

    @Override
    public void open(OpenContext openContext) {
        meters =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "outage-meters",
                                        Types.STRING,
                                        TypeInformation.of(MeterLight.class)));
        outage =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "outage", TypeInformation.of(OutageState.class)));
        nextCheck =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("outage-next-check", Types.LONG));
        forgetAt =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("outage-forget-at", Types.LONG));
        district =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("outage-district", Types.STRING));
        departed =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "outage-departed", Types.STRING, Types.LONG));
        openedAt = NOT_STARTED;
    }

    private static final long NOT_STARTED = Long.MIN_VALUE;

    /** The end of the restart grace: deadlines before it are re-armed to it, not judged. */
    private long graceEnd(long now) {
        if (openedAt == NOT_STARTED) {
            openedAt = now;
        }
        return openedAt + params.restartGrace().toMillis();
    }

    @Override
    public void processElement(SensorReading r, Context ctx, Collector<Signal> out)
            throws Exception {
        if (r.sensor().kind() != SensorKind.CUSTOMER_METER) {
            return;
        }
        if (MeterDeparture.is(r)) {
            depart(r, out);
            return;
        }
        MeterLight prev = meters.get(r.sensorId());
        if (prev != null && r.ts() < prev.lastTs()) {
            return; // an older reading of this meter says nothing about it now
        }
        if (prev == null && departed.contains(r.sensorId())) {
            departed.remove(r.sensorId()); // moved back
        }
        long now = ctx.timerService().currentProcessingTime();
        graceEnd(now);
        long window =
                r.sensor().heartbeatSec() > 0
                        ? silence.windowMs(r.sensor())
                        : UNKNOWN_HEARTBEAT_MS * silence.factor();
        MeterLight next = MeterLight.afterReading(prev, r.ts(), cause(r), now + window, window);
        long deadline = next.deadline();
        meters.put(r.sensorId(), next);
        if (district.value() == null) {
            district.update(roll.district(ctx.getCurrentKey(), r.districtId()));
        }
        Long forget = forgetAt.value();
        if (forget != null) {
            ctx.timerService().deleteProcessingTimeTimer(forget);
            forgetAt.clear();
        }
        Long check = nextCheck.value();
        if (check == null || deadline < check) { // a meter with a shorter heartbeat comes first
            if (check != null) {
                ctx.timerService().deleteProcessingTimeTimer(check);
            }
            nextCheck.update(deadline);
            ctx.timerService().registerProcessingTimeTimer(deadline);
        }
        boolean changed =
                prev == null || next.dark() != prev.dark() || !next.cause().equals(prev.cause());
        OutageState state = outage.value();
        if (changed || (state != null && state.raised())) {
            evaluate(ctx.getCurrentKey(), r.ts(), out);
        }
    }

    /**
     * The meter now reports under another transformer: it is no customer of this one any more, lit
     * or dark. A raised outage is re-judged without it.
     */
    private void depart(SensorReading marker, Collector<Signal> out) throws Exception {
        String transformer = marker.subjectId();
        String id = marker.sensorId();
        MeterLight gone = meters.get(id);
        meters.remove(id);
        if (roll.customers(transformer).contains(id) && (gone != null || !meters.isEmpty())) {
            departed.put(id, marker.ts()); // (a transformer without state keeps none for it)
        }
        LOG.info("transformer {}: meter {} moved to another transformer", transformer, id);
        OutageState state = outage.value();
        if (gone != null && state != null && state.raised()) {
            evaluate(transformer, marker.ts(), out);
        }
    }

    private String cause(SensorReading r) {
        if (r.reading().value(Metric.LAST_GASP) >= 0.5) {
            return MeterLight.LAST_GASP;
        }
        double v = r.reading().value(Metric.VOLTAGE_V);
        return v < params.darkVoltageV() ? MeterLight.ZERO_VOLTAGE : MeterLight.LIT;
    }

    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<Signal> out) throws Exception {
        String transformer = ctx.getCurrentKey();
        long graceEnd = graceEnd(ctx.timerService().currentProcessingTime());
        Long forget = forgetAt.value();
        if (forget != null && forget == t) {
            if (t < graceEnd) { // overdue from before a restart: let the backlog speak first
                forgetAt.update(graceEnd);
                ctx.timerService().registerProcessingTimeTimer(graceEnd);
                return;
            }
            forget(transformer, out);
            return;
        }
        Long due = nextCheck.value();
        if (due == null || due != t) {
            return;
        }
        if (t < graceEnd) { // overdue from before a restart: let the backlog speak first
            LOG.debug("transformer {}: silence check re-armed after restart", transformer);
            nextCheck.update(graceEnd);
            ctx.timerService().registerProcessingTimeTimer(graceEnd);
            return;
        }
        long earliest = Long.MAX_VALUE;
        long silencedAt = Long.MIN_VALUE;
        List<String> silenced = new ArrayList<>();
        for (Map.Entry<String, MeterLight> e : meters.entries()) {
            MeterLight m = e.getValue();
            if (m.silent()) {
                continue;
            }
            if (m.deadline() <= t) {
                silenced.add(e.getKey());
                silencedAt = Math.max(silencedAt, m.lastTs() + m.windowMs());
            } else {
                earliest = Math.min(earliest, m.deadline());
            }
        }
        for (String id : silenced) {
            MeterLight m = meters.get(id);
            meters.put(id, m.silenced());
        }
        if (earliest == Long.MAX_VALUE) {
            nextCheck.clear();
            long at = t + params.forgetAfter().toMillis();
            forgetAt.update(at);
            ctx.timerService().registerProcessingTimeTimer(at);
        } else {
            nextCheck.update(earliest);
            ctx.timerService().registerProcessingTimeTimer(earliest);
        }
        if (!silenced.isEmpty()) {
            LOG.debug("transformer {}: meters {} silent", transformer, silenced);
            // dated like a sensor.silent: the newest silenced meter's last reading + its window
            evaluate(transformer, silencedAt, out);
        }
    }

    private void evaluate(String transformer, long now, Collector<Signal> out) throws Exception {
        List<OutageRule.Dark> dark = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        int moved = 0;
        for (String ignored : departed.keys()) {
            moved++;
        }
        for (Map.Entry<String, MeterLight> e : meters.entries()) {
            seen.add(e.getKey());
            MeterLight m = e.getValue();
            if (m.dark()) {
                dark.add(new OutageRule.Dark(e.getKey(), m.cause(), m.onsetTs()));
            }
        }
        OutageState before = outage.value();
        OutageRule.Step step =
                rule.evaluate(
                        before == null ? OutageState.INITIAL : before,
                        transformer,
                        district.value(),
                        dark,
                        roll.count(transformer, seen) - moved,
                        now);
        if (step.state().raised()) {
            outage.update(step.state());
        } else {
            outage.clear();
        }
        step.signal().ifPresent(s -> emit(s, out));
    }

    private void emit(Signal s, Collector<Signal> out) {
        LOG.info(
                "{} {} {}: {} of {} customers dark",
                s.type(),
                s.action(),
                s.subjectId(),
                s.attributes().get("affectedCustomers"),
                s.attributes().get("customers"));
        out.collect(s);
    }

    /** Every meter silent for {@code forgetAfter}: the transformer is gone, so is its state. */
    private void forget(String transformer, Collector<Signal> out) throws Exception {
        OutageState state = outage.value();
        if (state != null && state.raised()) {
            long last = Long.MIN_VALUE;
            for (MeterLight m : meters.values()) {
                last = Math.max(last, m.lastTs());
            }
            long at = last + params.forgetAfter().toMillis();
            emit(rule.forgotten(state, transformer, district.value(), at), out);
        }
        LOG.info(
                "transformer {}: no meter heard for {}, forgotten",
                transformer,
                params.forgetAfter());
        meters.clear();
        departed.clear();
        outage.clear();
        nextCheck.clear();
        forgetAt.clear();
        district.clear();
    }
}
