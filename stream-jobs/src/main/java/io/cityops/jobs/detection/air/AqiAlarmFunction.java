package io.cityops.jobs.detection.air;

import io.cityops.model.Signal;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link AqiAlarm} per district (keyed by district id) on the district's hourly AQIs, which
 * arrive in hour order. State exists only while an alert is raised: an idle district keeps none.
 */
public final class AqiAlarmFunction extends KeyedProcessFunction<String, AqiObservation, Signal> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AqiAlarmFunction.class);

    private final AqiAlarm alarm;
    private transient ValueState<AirAlarmState> state;

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
        if (step.state().raised()) {
            state.update(step.state());
        } else {
            state.clear();
        }
    }
}
