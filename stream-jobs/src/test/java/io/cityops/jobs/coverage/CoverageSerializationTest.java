package io.cityops.jobs.coverage;

import io.cityops.jobs.coverage.liveness.SensorStatus;
import io.cityops.model.kpi.Kpi;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

/** The coverage job's records cross operators and live in state without Kryo (STYLE.md #10). */
class CoverageSerializationTest {
    @Test
    void coverageRecordsAreSerializedAsPojos() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(SensorStatus.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(Kpi.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(CoverageMemory.class);
    }
}
