package io.cityops.jobs.detection.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.city.SensorRegistration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

/** The registry is idle for event time, before and after any entry, and emits no watermark. */
class RegistryWatermarksTest {
    private final List<Long> emitted = new ArrayList<>();
    private final List<Boolean> idle = new ArrayList<>();
    private final WatermarkOutput output =
            new WatermarkOutput() {
                @Override
                public void emitWatermark(Watermark w) {
                    emitted.add(w.getTimestamp());
                }

                @Override
                public void markIdle() {
                    idle.add(true);
                }

                @Override
                public void markActive() {}
            };

    @Test
    void theRegistryNeverHoldsEventTimeBack() {
        RegistryWatermarks generator = new RegistryWatermarks();

        generator.onPeriodicEmit(output);
        generator.onEvent(SensorRegistration.retirement("x"), Long.MIN_VALUE, output);

        assertThat(emitted).isEmpty();
        assertThat(idle).containsExactly(true, true);
    }
}
