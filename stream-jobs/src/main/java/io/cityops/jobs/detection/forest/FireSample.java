package io.cityops.jobs.detection.forest;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Metric;
import io.cityops.model.Reading;

/**
 * What the fire detector takes from one forest-station reading; NaN where the station sent no value
 * (a station without a flame sensor has {@code flame} NaN).
 */
public record FireSample(
        String stationId,
        String districtId,
        long ts,
        double temperatureC,
        double smokePpm,
        double coPpm,
        double flame) {

    public static FireSample of(SensorReading r) {
        Reading reading = r.reading();
        return new FireSample(
                r.sensorId(),
                r.districtId(),
                r.ts(),
                reading.value(Metric.TEMPERATURE_C),
                reading.value(Metric.SMOKE_PPM),
                reading.value(Metric.CO_PPM),
                reading.value(Metric.FLAME));
    }

    /** Smoke or CO at or above its threshold. NaN (not measured) is never above. */
    public boolean smoky(ForestParams p) {
        return smokePpm >= p.smokePpm() || coPpm >= p.coPpm();
    }

    /** The flame/IR detector fired. */
    public boolean flaming() {
        return flame >= 0.5;
    }
}
