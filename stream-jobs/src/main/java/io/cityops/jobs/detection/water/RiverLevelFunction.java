package io.cityops.jobs.detection.water;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Metric;
import io.cityops.model.Reading;
import io.cityops.model.Signal;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.RiverStation;
import java.util.Collection;
import java.util.HashMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link RiverLevelAlarm} per river station, keyed by the gauges' registry subject (the
 * station id). A station has one state and one alarm whatever the number of its gauges: two gauges
 * on one station (a replacement installed beside the old one, a redundant pair) feed one series and
 * share the {@code water.level:<station>} alert instead of raising and clearing it each on its own.
 * A gauge moved to another station counts for that station from its next reading on.
 *
 * <p>When a reading is evaluated depends on {@link RiverLevelParams#evaluation()}:
 *
 * <ul>
 *   <li>{@code arrival} (the default): at once, in {@code processElement}, and its signals are
 *       emitted there, without waiting for the watermark, which trails the newest reading by the
 *       out-of-orderness bound (10 to 30 s): a flood alarm must not wait that long (issue 7). This
 *       relies on a gauge's readings arriving in order, as they do (one MQTT connection per device,
 *       Kafka partitioned by sensor id). A reading newer than the last one evaluated (its event
 *       time is in the state: the newest rate-of-rise sample) is evaluated; one at the same time is
 *       a duplicate and counts once (the first to arrive stands; {@code duplicateReadings}). One
 *       older than the last evaluated but ahead of the watermark arrived out of order (two gauges
 *       of a station interleaving, a lagging partition, a device's retry): it is counted ({@code
 *       outOfOrderReadings}) and never dropped: if it shows a higher alarm level than the present
 *       one, that level is raised at once (a peak seen only by a late gauge is not lost); it never
 *       lowers one; it joins the rate-of-rise samples in time order and can restart a clear's
 *       hold-off ({@link RiverLevelAlarm#onEarlierReading}). For in-order readings the signals,
 *       their event times and their record timestamps are exactly those of {@code event-time}, only
 *       sooner.
 *   <li>{@code event-time}: readings wait in state until the watermark passes them (an event-time
 *       timer at the reading's time), so out-of-order arrival within the bound changes nothing, and
 *       a duplicate reading (same time) counts once (the last to arrive stands); a reading at the
 *       very same millisecond as another gauge's stands for both. Every signal comes the
 *       out-of-orderness bound late.
 * </ul>
 *
 * <p>Either way, the job sends late readings to {@code readings.late} before they get here; a
 * reading that still arrives at or behind the watermark (one released after waiting for its
 * registration) goes to {@link #LATE} and is counted ({@code lateReadings}), as a safety net. The
 * hold-off before a clear and the rate-of-rise window are measured in the readings' event time in
 * both modes. A quiet station's state is dropped once its rate-of-rise samples have aged out, by an
 * event-time timer (one hour after its newest reading) that is moved with each reading evaluated.
 * Waiting readings left in state by {@code event-time} are still evaluated at their timers after a
 * switch to {@code arrival}.
 */
public final class RiverLevelFunction extends KeyedProcessFunction<String, SensorReading, Signal> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RiverLevelFunction.class);

    /** River readings that arrived behind the watermark, too late to be taken into account. */
    public static final OutputTag<Reading> LATE =
            new OutputTag<>("late-river-readings", TypeInformation.of(Reading.class));

    private final HashMap<String, RiverLevelAlarm> alarmsByStation = new HashMap<>();

    /** {@code arrival}: evaluate in processElement; else wait in {@link #waiting} for a timer. */
    private final boolean onArrival;

    private transient ValueState<RiverLevelState> state;
    private transient MapState<Long, Double> waiting;
    private transient Counter late;
    private transient Counter outOfOrder;
    private transient Counter duplicates;

    public RiverLevelFunction(CityModel city, RiverLevelParams params) {
        this(city.riverStations(), params);
    }

    public RiverLevelFunction(Collection<RiverStation> stations, RiverLevelParams params) {
        stations.forEach(s -> alarmsByStation.put(s.id(), new RiverLevelAlarm(s, params)));
        onArrival = params.evaluation() == RiverLevelParams.Evaluation.ARRIVAL;
    }

    @Override
    public void open(OpenContext openContext) {
        state =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "river-level", TypeInformation.of(RiverLevelState.class)));
        waiting =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "waiting-readings", Types.LONG, Types.DOUBLE));
        late = getRuntimeContext().getMetricGroup().counter("lateReadings");
        outOfOrder = getRuntimeContext().getMetricGroup().counter("outOfOrderReadings");
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicateReadings");
    }

    @Override
    public void processElement(SensorReading r, Context ctx, Collector<Signal> out)
            throws Exception {
        Reading reading = r.reading();
        long ts = reading.ts();
        if (ts <= ctx.timerService().currentWatermark()) {
            late.inc();
            ctx.output(LATE, reading);
            return;
        }
        double levelCm = reading.value(Metric.WATER_LEVEL_CM);
        if (onArrival) {
            take(ts, levelCm, ctx.getCurrentKey(), ctx.timerService(), out);
        } else {
            waiting.put(ts, levelCm);
            ctx.timerService().registerEventTimeTimer(ts);
        }
    }

    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<Signal> out) throws Exception {
        Double levelCm = waiting.get(t);
        if (levelCm != null) {
            waiting.remove(t);
            take(t, levelCm, ctx.getCurrentKey(), ctx.timerService(), out);
            return;
        }
        RiverLevelState before = state.value();
        if (before != null && before.quiet() && t >= cleanupTime(before) && waiting.isEmpty()) {
            state.clear(); // a quiet station whose samples have all aged out: nothing left
        }
    }

    /** Evaluates one reading of the current station, newer, equal to or older than the last. */
    private void take(
            long ts, double levelCm, String station, TimerService timers, Collector<Signal> out)
            throws Exception {
        RiverLevelAlarm alarm = alarmsByStation.get(station);
        if (alarm == null) {
            return; // not a river station: the upstream filter keeps these out
        }
        RiverLevelState before = state.value();
        RiverLevelState current = before == null ? RiverLevelState.INITIAL : before;
        long latest = current.latestTs();
        if (ts > latest) {
            RiverLevelAlarm.Step step = alarm.onReading(current, ts, levelCm);
            for (Signal s : step.signals()) {
                emit(s, out);
            }
            moveCleanup(before, step.state(), timers);
            state.update(step.state());
        } else if (ts == latest) {
            duplicates.inc(); // the reading evaluated at this time stands for this one
        } else {
            outOfOrder.inc();
            RiverLevelAlarm.Step step = alarm.onEarlierReading(current, ts, levelCm);
            for (Signal s : step.signals()) {
                emit(s, out); // a higher level the older reading shows: raised, never lost
            }
            if (step.state() != current) {
                state.update(step.state()); // same newest reading: the cleanup timer stays
            }
        }
    }

    private void emit(Signal s, Collector<Signal> out) {
        LOG.info(
                "{} {} {} at {} cm: {}",
                s.type(),
                s.action(),
                s.subjectId(),
                s.attributes().get("waterLevelCm"),
                s.message());
        out.collect(s);
    }

    /** Only a quiet station has a cleanup timer, due when its newest sample leaves the window. */
    private void moveCleanup(RiverLevelState before, RiverLevelState after, TimerService timers)
            throws Exception {
        if (before != null && before.quiet() && !waiting.contains(cleanupTime(before))) {
            // A waiting reading may share that timer; only delete a timer that is cleanup alone.
            timers.deleteEventTimeTimer(cleanupTime(before));
        }
        if (after.quiet()) {
            timers.registerEventTimeTimer(cleanupTime(after));
        }
    }

    /** Readings this instance has set aside as late (the {@code lateReadings} metric). */
    long lateReadings() {
        return late.getCount();
    }

    /**
     * Readings older than the station's last evaluated one but ahead of the watermark (the {@code
     * outOfOrderReadings} metric); {@code arrival} only.
     */
    long outOfOrderReadings() {
        return outOfOrder.getCount();
    }

    /**
     * Readings at the very time of the station's last evaluated one (the {@code duplicateReadings}
     * metric); {@code arrival} only, {@code event-time} merges them while they wait.
     */
    long duplicateReadings() {
        return duplicates.getCount();
    }

    private static long cleanupTime(RiverLevelState s) {
        return s.latestTs() + RiverLevelAlarm.RISE_WINDOW.toMillis();
    }
}
