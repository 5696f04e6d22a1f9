package io.cityops.jobs.detection.registry;

import static io.cityops.jobs.testing.RiverFixtures.MUONG_TE_GAUGE;
import static io.cityops.jobs.testing.RiverFixtures.minute;
import static io.cityops.jobs.testing.RiverFixtures.waterLevel;
import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.jobs.testing.RiverFixtures;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** A reading released from the broadcast side without a timestamp gets its own event time. */
class ReadingEventTimeTest {
    @Test
    void aReadingWithoutTimestampGetsItsTsAndWatermarksPassUnchanged() throws Exception {
        SensorReading r =
                new SensorReading(
                        waterLevel(MUONG_TE_GAUGE, 5, 28_500),
                        RiverFixtures.city().sensor(MUONG_TE_GAUGE).orElseThrow());
        try (OneInputStreamOperatorTestHarness<SensorReading, SensorReading> harness =
                new OneInputStreamOperatorTestHarness<>(new ReadingEventTime())) {
            harness.open();
            harness.processElement(new StreamRecord<>(r)); // no timestamp, as released
            harness.processWatermark(new Watermark(minute(1)));

            assertThat(harness.getOutput())
                    .containsExactly(new StreamRecord<>(r, minute(5)), new Watermark(minute(1)));
        }
    }
}
