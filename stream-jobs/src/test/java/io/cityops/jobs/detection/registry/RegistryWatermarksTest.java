package io.cityops.jobs.detection.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.city.SensorRegistration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

/** The registry declares its event time complete, before and after any entry. */
class RegistryWatermarksTest {
    private final List<Long> emitted = new ArrayList<>();
    private final WatermarkOutput output =
            new WatermarkOutput() {
                @Override
                public void emitWatermark(Watermark w) {
                    emitted.add(w.getTimestamp());
                }

                @Override
                public void markIdle() {}

                @Override
                public void markActive() {}
            };

    @Test
    void theRegistryNeverHoldsEventTimeBack() {
        RegistryWatermarks generator = new RegistryWatermarks();

        generator.onPeriodicEmit(output);
        generator.onEvent(SensorRegistration.retirement("x"), Long.MIN_VALUE, output);

        assertThat(emitted).containsExactly(Long.MAX_VALUE, Long.MAX_VALUE);
    }
}
