package io.cityops.jobs.detection.traffic;

import io.cityops.jobs.detection.EndOfInput;
import io.cityops.model.Aggregate;
import io.cityops.model.Signal;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.RoadSegment;
import java.time.Instant;
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
 * Runs {@link SegmentTraffic} per road segment (keyed by segment id) on its detectors' minutes. A
 * minute is taken when the watermark passes its end, so both detectors' sums are in whatever order
 * they arrived; the segment then ticks every minute while its window holds data, so the window
 * slides over quiet minutes too. When the window has emptied and no alarm is raised, the segment's
 * state is dropped and no timer is left. When it has emptied with an alarm raised (both detectors
 * silent), a forget timer is set {@code forgetAfter} after the last reported minute; if nothing is
 * reported by then, the alarms are cleared with {@code reason=no-data} and the state is dropped.
 *
 * <p>The forget timer is on event time, like the rest of this operator: it fires when the other
 * sensors' readings move the watermark past it, so a replay or a catch-up after downtime judges the
 * silence by the readings' own clock (no flood of false forgets at restore, which processing-time
 * deadlines would give), and the outcome is deterministic. When every input stops, event time stops
 * too and nothing is forgotten until data returns; that is an ingest outage, reported on processing
 * time by the sensor health detector. Aggregates go to {@link #AGGREGATES}.
 */
public final class SegmentTrafficFunction
        extends KeyedProcessFunction<String, DetectorMinute, Signal> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SegmentTrafficFunction.class);
    private static final long MINUTE_MS = SegmentTraffic.MINUTE_MS;

    /** One {@code traffic.segment} aggregate per segment and minute with readings. */
    public static final OutputTag<Aggregate> AGGREGATES =
            new OutputTag<>("traffic-segment-aggregates", TypeInformation.of(Aggregate.class));

    /** Detector minutes that arrived after the watermark had passed them. */
    public static final OutputTag<DetectorMinute> LATE =
            new OutputTag<>("late-traffic-minutes", TypeInformation.of(DetectorMinute.class));

    private final HashMap<String, SegmentTraffic> bySegment = new HashMap<>();

    private transient ValueState<SegmentState> state;
    private transient ValueState<Long> forgetAt;
    private transient MapState<Long, SegmentMinute> pending;
    private transient Counter late;

    public SegmentTrafficFunction(CityModel city, TrafficParams params) {
        for (RoadSegment s : city.roadSegments()) {
            bySegment.put(s.id(), new SegmentTraffic(s, params));
        }
    }

    @Override
    public void open(OpenContext openContext) {
        state =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "segment-traffic", TypeInformation.of(SegmentState.class)));
        pending =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "pending-minutes",
                                        Types.LONG,
                                        TypeInformation.of(SegmentMinute.class)));
        forgetAt =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("segment-forget-at", Types.LONG));
        late = getRuntimeContext().getMetricGroup().counter("lateTrafficMinutes");
    }

    @Override
    public void processElement(DetectorMinute m, Context ctx, Collector<Signal> out)
            throws Exception {
        long tick = m.minuteStart() + MINUTE_MS - 1;
        if (tick <= ctx.timerService().currentWatermark()) {
            late.inc();
            ctx.output(LATE, m);
            return;
        }
        SegmentTraffic traffic = bySegment.get(ctx.getCurrentKey());
        if (traffic == null) {
            return; // not a segment of the city: the detector filter keeps these out
        }
        Long due = forgetAt.value();
        if (due != null) { // data is back: no forgetting (delete before the tick is registered)
            ctx.timerService().deleteEventTimeTimer(due);
            forgetAt.clear();
        }
        SegmentMinute held = pending.get(m.minuteStart());
        SegmentMinute base = held == null ? SegmentMinute.empty(m.minuteStart()) : held;
        pending.put(m.minuteStart(), base.with(m, traffic.segment()));
        ctx.timerService().registerEventTimeTimer(tick);
    }

    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<Signal> out) throws Exception {
        long minuteStart = t + 1 - MINUTE_MS;
        SegmentMinute minute = pending.get(minuteStart);
        if (minute != null) {
            pending.remove(minuteStart);
        }
        SegmentTraffic traffic = bySegment.get(ctx.getCurrentKey());
        SegmentState before = state.value();
        Long due = forgetAt.value();
        if (due != null && due == t && minute == null) {
            if (EndOfInput.reached(ctx.timerService())) {
                return; // the end of a bounded input is not silence of the detectors
            }
            forget(traffic, before, t + 1, out);
            return;
        }
        SegmentTraffic.Step step =
                traffic.onMinute(
                        before == null ? SegmentState.INITIAL : before, minuteStart, minute);
        for (Signal s : step.signals()) {
            LOG.info(
                    "{} {} {} ({}) for the minute from {}",
                    s.type(),
                    s.action(),
                    s.subjectId(),
                    s.attributes().getOrDefault("level", s.severity().name()),
                    Instant.ofEpochMilli(minuteStart));
            out.collect(s);
        }
        step.aggregate().ifPresent(a -> ctx.output(AGGREGATES, a));
        if (step.state().forgettable()) {
            state.clear();
        } else {
            state.update(step.state());
        }
        if (!step.state().recent().isEmpty()) {
            ctx.timerService().registerEventTimeTimer(t + MINUTE_MS); // the next slide
        } else if (!step.state().forgettable() && before != null && !before.recent().isEmpty()) {
            // The window has just emptied with an alarm raised: forget it if the silence lasts.
            long lastReportedEnd = before.recent().latestMinute() + MINUTE_MS;
            long forget = lastReportedEnd + traffic.params().forgetAfter().toMillis() - 1;
            forgetAt.update(forget);
            ctx.timerService().registerEventTimeTimer(forget);
        }
    }

    private void forget(
            SegmentTraffic traffic, SegmentState before, long eventTime, Collector<Signal> out)
            throws Exception {
        if (before != null) {
            for (Signal s : traffic.forget(before, eventTime)) {
                LOG.info(
                        "{} {} {} (no data for {})",
                        s.type(),
                        s.action(),
                        s.subjectId(),
                        traffic.params().forgetAfter());
                out.collect(s);
            }
        }
        state.clear();
        forgetAt.clear();
    }

    /** Minutes this instance has set aside as late (the {@code lateTrafficMinutes} metric). */
    long lateMinutes() {
        return late.getCount();
    }
}
