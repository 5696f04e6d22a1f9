package io.cityops.jobs.detection.forest;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Signal;
import io.cityops.model.city.CityModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * Runs {@link ZoneFireWatch} per forest zone (keyed by zone id) in event-time order: readings wait
 * in state until the watermark passes them, then are taken in time order (stations at the same
 * instant by id). Readings at or behind the watermark go to {@link #LATE} and are counted. Timers:
 * one per waiting reading time, the clear of an open incident (hold-off after the last smoke), and
 * for a quiet zone the moment its traces have aged out, when all its state is dropped.
 */
public final class ZoneFireFunction extends KeyedProcessFunction<String, SensorReading, Signal> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ZoneFireFunction.class);

    /** Forest readings that arrived behind the watermark, too late for the fire detector. */
    public static final OutputTag<SensorReading> LATE =
            new OutputTag<>("late-forest-readings", TypeInformation.of(SensorReading.class));

    private final ForestZones zones;
    private final ZoneFireWatch watch;

    private transient ValueState<ZoneFireState> state;
    private transient MapState<String, TemperatureTrace> traces;
    private transient MapState<Long, List<FireSample>> waiting;
    private transient Counter late;

    public ZoneFireFunction(CityModel city, ForestParams params) {
        this.zones = new ForestZones(city);
        this.watch = new ZoneFireWatch(params);
    }

    @Override
    public void open(OpenContext openContext) {
        state =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "zone-fire", TypeInformation.of(ZoneFireState.class)));
        traces =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "station-temperatures",
                                        Types.STRING,
                                        TypeInformation.of(TemperatureTrace.class)));
        waiting =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "waiting-fire-samples",
                                        Types.LONG,
                                        Types.LIST(TypeInformation.of(FireSample.class))));
        late = getRuntimeContext().getMetricGroup().counter("lateForestReadings");
    }

    @Override
    public void processElement(SensorReading reading, Context ctx, Collector<Signal> out)
            throws Exception {
        if (reading.ts() <= ctx.timerService().currentWatermark()) {
            late.inc();
            ctx.output(LATE, reading);
            return;
        }
        List<FireSample> at = waiting.get(reading.ts());
        List<FireSample> samples = at == null ? new ArrayList<>() : new ArrayList<>(at);
        FireSample sample = FireSample.of(reading);
        samples.removeIf(s -> s.stationId().equals(sample.stationId())); // a duplicate counts once
        samples.add(sample);
        waiting.put(reading.ts(), samples);
        ctx.timerService().registerEventTimeTimer(reading.ts());
    }

    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<Signal> out) throws Exception {
        String zoneId = ctx.getCurrentKey();
        String zoneName = zones.name(zoneId);
        ZoneFireState before = state.value() == null ? ZoneFireState.INITIAL : state.value();
        ZoneFireState s = before;
        List<FireSample> due = waiting.get(t);
        if (due != null) {
            waiting.remove(t);
            List<FireSample> ordered = new ArrayList<>(due);
            ordered.sort(Comparator.comparing(FireSample::stationId));
            for (FireSample sample : ordered) {
                FireSample located =
                        new FireSample(
                                sample.stationId(),
                                zones.district(zoneId, sample.districtId()),
                                sample.ts(),
                                sample.temperatureC(),
                                sample.smokePpm(),
                                sample.coPpm(),
                                sample.flame());
                TemperatureTrace trace = traces.get(sample.stationId());
                ZoneFireWatch.Step step =
                        watch.onSample(
                                s,
                                trace == null ? TemperatureTrace.EMPTY : trace,
                                zoneId,
                                zoneName,
                                located);
                traces.put(sample.stationId(), step.trace());
                s = step.state();
                step.signal().ifPresent(signal -> emit(signal, out));
            }
        } else {
            ZoneFireWatch.Step step = watch.onTime(s, zoneId, zoneName, t);
            s = step.state();
            step.signal().ifPresent(signal -> emit(signal, out));
        }
        moveTimers(before, s, t, ctx);
        long forget = watch.forgetTime(s);
        if (forget != ZoneFireState.NEVER && t >= forget && waiting.isEmpty()) {
            state.clear(); // quiet, and every trace and smoke sighting has aged out
            traces.clear();
            return;
        }
        state.update(s);
    }

    private void emit(Signal s, Collector<Signal> out) {
        LOG.info(
                "{} {} {} {} stations [{}]",
                s.type(),
                s.action(),
                s.subjectId(),
                s.severity(),
                s.attributes().get("stations"));
        out.collect(s);
    }

    /** Deletes the clear and forget timers {@code before} had and registers {@code after}'s. */
    private void moveTimers(ZoneFireState before, ZoneFireState after, long now, OnTimerContext ctx)
            throws Exception {
        long[] old = {watch.clearTime(before), watch.forgetTime(before)};
        long[] next = {watch.clearTime(after), watch.forgetTime(after)};
        for (long t : old) {
            if (t != ZoneFireState.NEVER
                    && t > now
                    && t != next[0]
                    && t != next[1]
                    && !waiting.contains(t)) {
                ctx.timerService().deleteEventTimeTimer(t);
            }
        }
        for (long t : next) {
            if (t != ZoneFireState.NEVER && t > now) {
                ctx.timerService().registerEventTimeTimer(t);
            }
        }
    }

    /** Readings this instance has set aside as late (the {@code lateForestReadings} metric). */
    long lateReadings() {
        return late.getCount();
    }
}
