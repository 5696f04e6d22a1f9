package io.cityops.jobs.detection.forest;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Aggregate;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

/** The forest detectors' state and stream types go through Flink's POJO serializer, never Kryo. */
class ForestSerializationTest {
    @Test
    void fireDetectorStateIsPojo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(ZoneFireState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(TemperatureTrace.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(FireSample.class);
    }

    @Test
    void fireDangerStateIsPojo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(FireDangerState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(ZoneDay.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(StationDay.class);
    }

    @Test
    void inputAndOutputsArePojo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(SensorReading.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(Aggregate.class);
    }
}
