package io.cityops.jobs.detection.health;

import io.cityops.jobs.coverage.liveness.RestoreGrace;
import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Signal;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorRegistration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sensor health per sensor (keyed by sensor id): runs {@link SensorHealthMonitor} on each reading
 * and times silence with <b>processing-time</b> timers, for the reason {@link
 * io.cityops.jobs.coverage.liveness.SensorLivenessFunction} gives: an event-time timer would never
 * fire when the whole stream is quiet, the very outage silence must reveal. Freshness follows
 * {@link io.cityops.jobs.coverage.liveness.SilenceRule}: a reading older than the silence window
 * neither arms nor resets the timer, where "now" is the stream's event-time front while the stream
 * catches up. Deadlines restored from a checkpoint that fell due during a downtime are re-armed one
 * silence window after the restore instead of judged at once ({@link RestoreGrace}), so the backlog
 * is read before any sensor is called silent.
 *
 * <p>The broadcast input is the registry: when a sensor is retired its state is dropped (and an
 * open {@code sensor.silent} cleared), so a retired sensor is never reported silent. A silent
 * sensor's state is dropped after the configured retention, with a {@code reason=forgotten} CLEAR
 * of its open signals (else a sensor repaired after the retention would leave its alert open for
 * ever); kinds exempt from silence signals (customer meters) drop it, with the same CLEARs, as soon
 * as they fall silent.
 */
public final class SensorHealthFunction
        extends KeyedBroadcastProcessFunction<String, SensorReading, SensorRegistration, Signal> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SensorHealthFunction.class);

    private static final ValueStateDescriptor<SensorHealthState> STATE =
            new ValueStateDescriptor<>(
                    "sensor-health", TypeInformation.of(SensorHealthState.class));

    private final SensorHealthMonitor monitor;
    private final long outOfOrdernessMs;

    private transient ValueState<SensorHealthState> state;
    private transient RestoreGrace restoreGrace;

    /** Health with freshness judged against the clock alone (no watermark bound known). */
    public SensorHealthFunction(SensorHealthParams params) {
        this(params, Duration.ZERO);
    }

    /**
     * @param outOfOrderness the bound the readings' watermark lags their newest event time by, for
     *     the stream's event-time front during a catch-up
     */
    public SensorHealthFunction(SensorHealthParams params, Duration outOfOrderness) {
        this.monitor = new SensorHealthMonitor(params);
        this.outOfOrdernessMs = outOfOrderness.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(STATE);
        restoreGrace = new RestoreGrace(); // opened at its first callback's processing time
    }

    @Override
    public void processElement(SensorReading r, ReadOnlyContext ctx, Collector<Signal> out)
            throws Exception {
        SensorHealthState st = state.value();
        if (st == null) {
            st = new SensorHealthState();
        }
        monitor.onReading(st, r, out::collect);
        Sensor sensor = r.sensor();
        long now = ctx.timerService().currentProcessingTime();
        restoreGrace.observe(now);
        if (monitor.params()
                .silence()
                .isFresh(sensor, r.ts(), now, ctx.currentWatermark(), outOfOrdernessMs)) {
            if (st.silentRaised) {
                st.silentRaised = false;
                out.collect(monitor.reporting(sensor, r.ts(), "reports again"));
            }
            if (st.forgetDue != 0) {
                ctx.timerService().deleteProcessingTimeTimer(st.forgetDue);
                st.forgetDue = 0;
            }
            if (st.silenceDue != 0) {
                ctx.timerService().deleteProcessingTimeTimer(st.silenceDue);
            }
            st.silenceDue = now + monitor.params().silence().windowMs(sensor);
            ctx.timerService().registerProcessingTimeTimer(st.silenceDue);
        }
        state.update(st);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Signal> out)
            throws Exception {
        SensorHealthState st = state.value();
        if (st == null) {
            return; // retired meanwhile
        }
        if (timestamp == st.silenceDue) {
            long judgeAt =
                    restoreGrace.judgeAt(
                            timestamp,
                            ctx.timerService().currentProcessingTime(),
                            monitor.params().silence().windowMs(st.sensor));
            if (judgeAt != timestamp) { // restored and overdue: let the backlog come first
                st.silenceDue = judgeAt;
                ctx.timerService().registerProcessingTimeTimer(judgeAt);
                state.update(st);
                return;
            }
            st.silenceDue = 0;
            if (monitor.params().silenceExempt().contains(st.sensor.kind())) {
                // the power detector judges silent meters as outages; open stuck/burst end here
                long silentSince = st.lastSeen + monitor.params().silence().windowMs(st.sensor);
                monitor.onForgotten(st, silentSince, "silent").forEach(out::collect);
                state.clear();
                return;
            }
            Signal silent = monitor.silent(st.sensor, st.lastSeen);
            LOG.info(silent.message());
            out.collect(silent);
            st.silentRaised = true;
            st.forgetDue = timestamp + monitor.params().retention().toMillis();
            ctx.timerService().registerProcessingTimeTimer(st.forgetDue);
            state.update(st);
        } else if (timestamp == st.forgetDue) {
            LOG.info(
                    "sensor {} silent for {}: health state dropped",
                    ctx.getCurrentKey(),
                    monitor.params().retention());
            long eventTime =
                    st.lastSeen
                            + monitor.params().silence().windowMs(st.sensor)
                            + monitor.params().retention().toMillis();
            monitor.onForgotten(st, eventTime, "forgotten after " + monitor.params().retention())
                    .forEach(out::collect);
            state.clear();
        }
    }

    @Override
    public void processBroadcastElement(
            SensorRegistration entry, Context ctx, Collector<Signal> out) throws Exception {
        if (!entry.retired()) {
            return; // a moved sensor's next reading carries its new metadata
        }
        List<Signal> clears = new ArrayList<>();
        long now = ctx.currentProcessingTime();
        ctx.applyToKeyedState(
                STATE,
                (key, s) -> {
                    if (key.equals(entry.sensorId())) {
                        SensorHealthState st = s.value();
                        if (st != null) {
                            clears.addAll(monitor.onRetired(st, now));
                        }
                        s.clear();
                    }
                });
        clears.forEach(out::collect);
    }
}
