package io.cityops.jobs.detection.power;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Reading;
import io.cityops.model.city.Sensor;
import java.util.Map;

/**
 * The marker {@link MeterMoveFunction} sends to a meter's <em>old</em> transformer when the meter's
 * readings start naming another one (the registry moved it): a {@link SensorReading} of that meter,
 * keyed by the old transformer, whose only metric is {@link #METRIC}. The power operators keyed by
 * transformer never see the moved meter's new readings (they go to the new transformer), so without
 * it the meter would stay in the old transformer's state, fall "silent" there and hold a false
 * outage, and keep the old transformer's energy balance incomplete for ever.
 */
public final class MeterDeparture {
    private MeterDeparture() {}

    /** The marker's only metric: not a measurement, never a {@code Metric} of the model. */
    public static final String METRIC = "cityops.power.departed";

    /** The marker for {@code reading}'s meter leaving {@code oldTransformer}, at its time. */
    public static SensorReading of(SensorReading reading, String oldTransformer) {
        Sensor s = reading.sensor();
        return new SensorReading(
                new Reading(
                        s.id(),
                        reading.reading().domain(),
                        reading.ts(),
                        Reading.NO_SEQ,
                        Map.of(METRIC, 1.0)),
                new Sensor(
                        s.id(),
                        s.kind(),
                        s.districtId(),
                        oldTransformer,
                        s.location(),
                        s.heartbeatSec()));
    }

    /** Whether {@code r} is a departure marker rather than a reading. */
    public static boolean is(SensorReading r) {
        return r.reading().metrics().containsKey(METRIC);
    }
}
