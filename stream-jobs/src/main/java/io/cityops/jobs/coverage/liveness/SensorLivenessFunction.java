package io.cityops.jobs.coverage.liveness;

import io.cityops.model.Reading;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.Sensor;
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
 * readings are ignored rather than reviving sensors, see {@link SilenceRule}). A silent sensor
 * keeps no state and no timer.
 */
public final class SensorLivenessFunction
        extends KeyedProcessFunction<String, Reading, SensorStatus> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SensorLivenessFunction.class);

    private final CityModel city;
    private final SilenceRule rule;

    private transient ValueState<Long> deadline;
    private transient ValueState<Long> lastSeen;
    private transient Counter ignored;

    public SensorLivenessFunction(CityModel city, SilenceRule rule) {
        this.city = city;
        this.rule = rule;
    }

    @Override
    public void open(OpenContext openContext) {
        deadline = getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Types.LONG));
        lastSeen = getRuntimeContext().getState(new ValueStateDescriptor<>("lastSeen", Types.LONG));
        ignored = getRuntimeContext().getMetricGroup().counter("staleOrUnknownReadings");
    }

    @Override
    public void processElement(Reading r, Context ctx, Collector<SensorStatus> out)
            throws Exception {
        Optional<Sensor> sensor = city.sensor(r.sensorId());
        long now = ctx.timerService().currentProcessingTime();
        if (sensor.isEmpty() || !rule.isFresh(sensor.get(), r.ts(), now)) {
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
        LOG.info("sensor {} silent: no reading for {} s", id, window / 1000);
        out.collect(new SensorStatus(id, false, lastSeen.value() + window));
        deadline.clear();
        lastSeen.clear();
    }
}
