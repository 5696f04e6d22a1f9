package io.cityops.jobs.detection.power;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.city.SensorKind;
import org.apache.flink.api.common.functions.FilterFunction;

/** Lets through the readings of customer and transformer meters only. */
public final class PowerMeterFilter implements FilterFunction<SensorReading> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean filter(SensorReading r) {
        SensorKind kind = r.sensor().kind();
        return kind == SensorKind.CUSTOMER_METER || kind == SensorKind.TRANSFORMER_METER;
    }
}
