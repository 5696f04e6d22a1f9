package io.cityops.jobs.detection.environment;

import io.cityops.jobs.detection.air.AirAlarmState;
import io.cityops.jobs.detection.air.AqiObservation;
import io.cityops.jobs.detection.air.HourSums;
import io.cityops.jobs.detection.air.StationHour;
import io.cityops.jobs.detection.rain.RainGaugeState;
import io.cityops.model.Aggregate;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

/** Every environment type that crosses operators or lives in state is a POJO, never Kryo. */
class EnvironmentSerializationTest {
    @Test
    void airTypesAreSerializedAsPojos() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(StationHour.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(HourSums.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(AqiObservation.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(AirAlarmState.class);
    }

    @Test
    void rainTypesAndAggregatesAreSerializedAsPojos() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(RainGaugeState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(Aggregate.class);
    }
}
