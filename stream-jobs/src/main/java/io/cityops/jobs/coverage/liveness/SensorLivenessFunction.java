package io.cityops.jobs.coverage.liveness;

import io.cityops.model.Reading;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.Sensor;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per sensor (keyed by sensor id): emits {@link SensorStatus} when a sensor starts reporting and
 * when it falls silent. Silence is timed with <b>processing-time</b> timers: an event-time timer
 * fires only when the watermark moves, and idleness merely stops a quiet partition from holding the
 * watermark back, it never advances it; so when the whole stream is quiet (ingest down, the
 * broker's uplink cut) — the very outage this must see — no event-time timer would fire. The cost:
 * silence is judged by arrival, so a replayed backlog shows no historical silences (and stale
 * readings are ignored rather than reviving sensors, see {@link SilenceRule}; while the stream
 * catches up, staleness is measured from its event-time front). Deadlines restored from a
 * checkpoint that fell due during a downtime are re-armed one silence window after the restore
 * instead of judged at once ({@link RestoreGrace}), so coverage does not drop for every sensor
 * before the backlog is read. A silent sensor keeps no state and no timer.
 */
public final class SensorLivenessFunction
        extends KeyedProcessFunction<String, Reading, SensorStatus> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SensorLivenessFunction.class);

    private final CityModel city;
    private final SilenceRule rule;
    private final long outOfOrdernessMs;

    private transient ValueState<Long> deadline;
    private transient ValueState<Long> lastSeen;
    private transient Counter ignored;
    private transient RestoreGrace restoreGrace;

    /** Liveness with freshness judged against the clock alone (no watermark bound known). */
    public SensorLivenessFunction(CityModel city, SilenceRule rule) {
        this(city, rule, Duration.ZERO);
    }

    /**
     * @param outOfOrderness the bound the readings' watermark lags their newest event time by, for
     *     the stream's event-time front during a catch-up
     */
    public SensorLivenessFunction(CityModel city, SilenceRule rule, Duration outOfOrderness) {
        this.city = city;
        this.rule = rule;
        this.outOfOrdernessMs = outOfOrderness.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        deadline = getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Types.LONG));
        lastSeen = getRuntimeContext().getState(new ValueStateDescriptor<>("lastSeen", Types.LONG));
        ignored = getRuntimeContext().getMetricGroup().counter("staleOrUnknownReadings");
        restoreGrace = new RestoreGrace(); // opened at its first callback's processing time
    }

    @Override
    public void processElement(Reading r, Context ctx, Collector<SensorStatus> out)
            throws Exception {
        Optional<Sensor> sensor = city.sensor(r.sensorId());
        long now = ctx.timerService().currentProcessingTime();
        restoreGrace.observe(now);
        long watermark = ctx.timerService().currentWatermark();
        if (sensor.isEmpty()
                || !rule.isFresh(sensor.get(), r.ts(), now, watermark, outOfOrdernessMs)) {
            ignored.inc(); // ingest rejects unknown sensors; stale ones come from backlogs
            return;
        }
        Long due = deadline.value();
        if (due == null) {
            LOG.debug("sensor {} reporting", r.sensorId()); // hundreds at start: not an event
            out.collect(new SensorStatus(r.sensorId(), true, r.ts()));
        } else {
            ctx.timerService().deleteProcessingTimeTimer(due);
        }
        long next = now + rule.windowMs(sensor.get());
        deadline.update(next);
        ctx.timerService().registerProcessingTimeTimer(next);
        Long seen = lastSeen.value();
        lastSeen.update(seen == null ? r.ts() : Math.max(seen, r.ts()));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SensorStatus> out)
            throws Exception {
        Long due = deadline.value();
        if (due == null || due != timestamp) {
            return;
        }
        String id = ctx.getCurrentKey();
        long window = rule.windowMs(city.sensor(id).orElseThrow());
        long judgeAt =
                restoreGrace.judgeAt(timestamp, ctx.timerService().currentProcessingTime(), window);
        if (judgeAt != timestamp) { // restored and overdue: let the backlog come first
            deadline.update(judgeAt);
            ctx.timerService().registerProcessingTimeTimer(judgeAt);
            return;
        }
        LOG.info("sensor {} silent: no reading for {} s", id, window / 1000);
        out.collect(new SensorStatus(id, false, lastSeen.value() + window));
        deadline.clear();
        lastSeen.clear();
    }
}
