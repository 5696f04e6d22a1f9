package io.cityops.jobs.detection.registry;

import io.cityops.model.city.SensorRegistration;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time of the registry stream: none. Registrations are state, not events, so the registry
 * source marks itself idle from the start and never emits a watermark; the enrichment operator then
 * takes its event time from the readings alone.
 *
 * <p>Two tempting alternatives are wrong. A source without watermarks ({@code noWatermarks()})
 * stays active at the minimum watermark and holds event time back forever, so no window or
 * event-time timer downstream fires. A source that declares its event time complete ({@code
 * Long.MAX_VALUE}) is worse: the moment the readings input goes idle (a quiet minute across the
 * province), the operator's watermark becomes the registry's, jumps to the end of time, and never
 * comes back, so every later reading is late. {@code GloriaReplayIT} and {@code RegistryUpdatesIT}
 * catch both.
 */
public final class RegistryWatermarks implements WatermarkGenerator<SensorRegistration> {

    /** The strategy to pass to {@code env.fromSource} for the registry. */
    public static WatermarkStrategy<SensorRegistration> strategy() {
        return WatermarkStrategy.<SensorRegistration>forGenerator(ctx -> new RegistryWatermarks())
                .withTimestampAssigner((r, kafkaTs) -> Long.MIN_VALUE);
    }

    @Override
    public void onEvent(SensorRegistration event, long eventTimestamp, WatermarkOutput output) {
        output.markIdle();
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.markIdle();
    }
}
