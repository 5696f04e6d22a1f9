package io.cityops.jobs.detection.traffic;

import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

/** Everything the traffic detectors send between operators or keep in state avoids Kryo. */
class TrafficSerializationTest {
    @Test
    void trafficRecordsCrossOperatorsAndLiveInStateWithoutKryo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(MinuteSums.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(DetectorMinute.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(SegmentMinute.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(SegmentState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(RecentMinutes.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(CongestionState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(IncidentState.class);
    }
}
