package io.cityops.jobs.detection;

import io.cityops.jobs.detection.aggregates.MetricStats;
import io.cityops.jobs.detection.health.SensorHealthState;
import io.cityops.jobs.detection.water.LevelSamples;
import io.cityops.jobs.detection.water.RiverLevelState;
import io.cityops.model.Aggregate;
import io.cityops.model.Reading;
import io.cityops.model.RejectedReading;
import io.cityops.model.Signal;
import io.cityops.model.city.SensorRegistration;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

/**
 * Every type that crosses operators or lives in state is serialized by Flink's POJO serializer,
 * never by Kryo (STYLE.md #10). Flink 2.2 treats records as POJOs and their Map fields natively.
 */
class SerializationTest {
    @Test
    void modelRecordsCrossOperatorsWithoutKryo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(Reading.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(Signal.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(RejectedReading.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(Aggregate.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(SensorRegistration.class);
    }

    @Test
    void jobRecordsCrossOperatorsAndLiveInStateWithoutKryo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(RawReading.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(RiverLevelState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(LevelSamples.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(SensorReading.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(LateReading.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(SensorHealthState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(MetricStats.class);
    }
}
