package io.cityops.jobs.detection.power;

import io.cityops.jobs.detection.SensorReading;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per power meter (keyed by sensor id): remembers which transformer its readings name, passes every
 * reading on, and when a reading names another transformer than the previous one (the registry
 * moved the meter, or a fresh start enriched its first readings from the city model), first sends a
 * {@link MeterDeparture} to the old transformer so that the power operators drop the meter there.
 * The memory expires {@code forgetAfter} after the meter's last reading (state TTL).
 */
public final class MeterMoveFunction
        extends KeyedProcessFunction<String, SensorReading, SensorReading> {
    private static final long serialVersionUID = 1L;

    private final Duration forgetAfter;

    private transient ValueState<String> transformer;

    public MeterMoveFunction(Duration forgetAfter) {
        this.forgetAfter = forgetAfter;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<String> d =
                new ValueStateDescriptor<>("power-meter-transformer", Types.STRING);
        d.enableTimeToLive(
                StateTtlConfig.newBuilder(forgetAfter)
                        .setUpdateType(StateTtlConfig.UpdateType.OnReadAndWrite)
                        .build());
        transformer = getRuntimeContext().getState(d);
    }

    @Override
    public void processElement(SensorReading r, Context ctx, Collector<SensorReading> out)
            throws Exception {
        String before = transformer.value();
        String now = r.subjectId();
        if (!now.equals(before)) {
            if (before != null) {
                out.collect(MeterDeparture.of(r, before));
            }
            transformer.update(now);
        }
        out.collect(r);
    }
}
