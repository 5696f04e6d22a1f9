package io.cityops.jobs.detection.registry;

import io.cityops.model.city.SensorRegistration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time of the registry stream: none. Registrations are state, not events, so the registry
 * source declares its event time as already complete ({@link Long#MAX_VALUE}) from the start. The
 * enrichment operator takes the minimum of its two inputs' watermarks; a registry source without
 * watermarks ({@code noWatermarks()}) would hold event time at its minimum forever and no window or
 * event-time timer downstream would fire.
 */
public final class RegistryWatermarks implements WatermarkGenerator<SensorRegistration> {
    private static final Watermark END_OF_TIME = new Watermark(Long.MAX_VALUE);

    /** The strategy to pass to {@code env.fromSource} for the registry. */
    public static WatermarkStrategy<SensorRegistration> strategy() {
        return WatermarkStrategy.<SensorRegistration>forGenerator(ctx -> new RegistryWatermarks())
                .withTimestampAssigner((r, kafkaTs) -> Long.MIN_VALUE);
    }

    @Override
    public void onEvent(SensorRegistration event, long eventTimestamp, WatermarkOutput output) {
        output.emitWatermark(END_OF_TIME);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(END_OF_TIME);
    }
}
