package io.cityops.jobs.detection.air;

import io.cityops.jobs.detection.EndOfInput;
import io.cityops.model.Signal;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link AqiAlarm} per district (keyed by district id) on the district's hourly AQIs, which
 * arrive in hour order. State exists only while an alert is raised: an idle district keeps none.
 *
 * <p>While an alert is raised, an event-time timer waits {@code forgetAfter} past the last hourly
 * AQI; each new hour moves it. If it fires (every station of the district stopped), the alert is
 * cleared with {@code reason=no-data} and the state dropped. Event time, like the hours themselves:
 * the other districts' readings move the watermark, a replay or a catch-up after downtime judges
 * the silence by the data's own clock (no false forgets at restore) and the outcome is
 * deterministic; when all input stops, nothing is forgotten until data returns. Nor is the end of a
 * bounded input (a replay, a test) a silence: the final watermark forgets nothing.
 */
public final class AqiAlarmFunction extends KeyedProcessFunction<String, AqiObservation, Signal> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AqiAlarmFunction.class);

    private final AqiAlarm alarm;
    private transient ValueState<AirAlarmState> state;
    private transient ValueState<Long> forgetAt;

    public AqiAlarmFunction(AirParams params) {
        this.alarm = new AqiAlarm(params);
    }

    @Override
    public void open(OpenContext openContext) {
        state =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "air-alarm", TypeInformation.of(AirAlarmState.class)));
        forgetAt =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("air-alarm-forget-at", Types.LONG));
    }

    @Override
    public void processElement(AqiObservation district, Context ctx, Collector<Signal> out)
            throws Exception {
        if (!AqiObservation.HOURLY.equals(district.window())) {
            return;
        }
        AirAlarmState before = state.value();
        AqiAlarm.Step step = alarm.onHour(before == null ? AirAlarmState.IDLE : before, district);
        step.signal()
                .ifPresent(
                        s -> {
                            LOG.info(
                                    "{} {} {}: {}",
                                    s.type(),
                                    s.action(),
                                    s.subjectId(),
                                    s.message());
                            out.collect(s);
                        });
        Long due = forgetAt.value();
        if (due != null) {
            ctx.timerService().deleteEventTimeTimer(due);
            forgetAt.clear();
        }
        if (step.state().raised()) {
            state.update(step.state());
            long forget =
                    district.windowStart()
                            + StationHour.HOUR_MS
                            - 1
                            + alarm.params().forgetAfter().toMillis();
            forgetAt.update(forget);
            ctx.timerService().registerEventTimeTimer(forget);
        } else {
            state.clear();
        }
    }

    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<Signal> out) throws Exception {
        Long due = forgetAt.value();
        if (due == null || due != t) {
            return;
        }
        if (EndOfInput.reached(ctx.timerService())) {
            return; // the end of a bounded input is not silence of the stations
        }
        AirAlarmState raised = state.value();
        if (raised != null) {
            alarm.forget(raised, ctx.getCurrentKey(), t)
                    .ifPresent(
                            s -> {
                                LOG.info(
                                        "{} {} {}: {}",
                                        s.type(),
                                        s.action(),
                                        s.subjectId(),
                                        s.message());
                                out.collect(s);
                            });
        }
        state.clear();
        forgetAt.clear();
    }
}
