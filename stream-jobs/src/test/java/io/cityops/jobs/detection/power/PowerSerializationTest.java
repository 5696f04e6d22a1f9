package io.cityops.jobs.detection.power;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Aggregate;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

/** Every power type in state or between operators is a POJO to Flink, never Kryo (STYLE.md #10). */
class PowerSerializationTest {
    @Test
    void stateAndStreamTypesAreSerializedWithoutKryo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(SensorReading.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(Aggregate.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(MeterLight.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(OutageState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(MeterVoltage.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(TransformerVoltage.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(MeterEnergy.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(MeterHour.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(LossState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(TamperState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(VoltageCounts.class);
    }
}
