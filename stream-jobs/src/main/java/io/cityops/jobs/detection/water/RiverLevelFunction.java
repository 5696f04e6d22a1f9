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
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link RiverLevelAlarm} per river station (keyed by the gauges' registry subject, the
 * station id) in event-time order: readings wait in state until the watermark passes them, so
 * out-of-order arrival within the allowed bound changes nothing, and a duplicate reading (same
 * time) counts once. A station has one state and one alarm whatever the number of its gauges: two
 * gauges on one station (a replacement installed beside the old one, a redundant pair) feed one
 * series in event-time order, and share the {@code water.level:<station>} alert instead of raising
 * and clearing it each on its own; a reading at the very same millisecond as another gauge's stands
 * for both. A gauge moved to another station counts for that station from its next reading on. The
 * job sends late readings to {@code readings.late} before they get here; a reading that still
 * arrives at or behind the watermark (one released after waiting for its registration) goes to
 * {@link #LATE} and is counted, as a safety net. A quiet station's state is dropped once its
 * rate-of-rise samples have aged out, by a timer that is moved with each reading.
 */
public final class RiverLevelFunction extends KeyedProcessFunction<String, SensorReading, Signal> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RiverLevelFunction.class);

    /** River readings that arrived behind the watermark, too late to be taken into account. */
    public static final OutputTag<Reading> LATE =
            new OutputTag<>("late-river-readings", TypeInformation.of(Reading.class));

    private final HashMap<String, RiverLevelAlarm> alarmsByStation = new HashMap<>();

    private transient ValueState<RiverLevelState> state;
    private transient MapState<Long, Double> waiting;
    private transient Counter late;

    public RiverLevelFunction(CityModel city, RiverLevelParams params) {
        this(city.riverStations(), params);
    }

    public RiverLevelFunction(Collection<RiverStation> stations, RiverLevelParams params) {
        stations.forEach(s -> alarmsByStation.put(s.id(), new RiverLevelAlarm(s, params)));
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
    }

    @Override
    public void processElement(SensorReading r, Context ctx, Collector<Signal> out)
            throws Exception {
        Reading reading = r.reading();
        if (reading.ts() <= ctx.timerService().currentWatermark()) {
            late.inc();
            ctx.output(LATE, reading);
            return;
        }
        waiting.put(reading.ts(), reading.value(Metric.WATER_LEVEL_CM));
        ctx.timerService().registerEventTimeTimer(reading.ts());
    }

    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<Signal> out) throws Exception {
        RiverLevelState before = state.value();
        Double levelCm = waiting.get(t);
        if (levelCm != null) {
            waiting.remove(t);
            RiverLevelAlarm alarm = alarmsByStation.get(ctx.getCurrentKey());
            if (alarm == null) {
                return; // not a river station: the upstream filter keeps these out
            }
            RiverLevelAlarm.Step step =
                    alarm.onReading(before == null ? RiverLevelState.INITIAL : before, t, levelCm);
            for (Signal s : step.signals()) {
                emit(s, out);
            }
            moveCleanup(before, step.state(), ctx);
            state.update(step.state());
        } else if (before != null
                && before.quiet()
                && t >= cleanupTime(before)
                && waiting.isEmpty()) {
            state.clear(); // a quiet station whose samples have all aged out: nothing left
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
    private void moveCleanup(RiverLevelState before, RiverLevelState after, OnTimerContext ctx)
            throws Exception {
        if (before != null && before.quiet() && !waiting.contains(cleanupTime(before))) {
            // A waiting reading may share that timer; only delete a timer that is cleanup alone.
            ctx.timerService().deleteEventTimeTimer(cleanupTime(before));
        }
        if (after.quiet()) {
            ctx.timerService().registerEventTimeTimer(cleanupTime(after));
        }
    }

    /** Readings this instance has set aside as late (the {@code lateReadings} metric). */
    long lateReadings() {
        return late.getCount();
    }

    private static long cleanupTime(RiverLevelState s) {
        return s.latestTs() + RiverLevelAlarm.RISE_WINDOW.toMillis();
    }
}
