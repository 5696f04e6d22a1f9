package io.cityops.jobs.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.testing.RiverFixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReadingTimestampsTest {
    private static long eventTime(String json) {
        return ReadingTimestamps.eventTime(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eventTimeIsTheReadingsTs() {
        RawReading raw = RiverFixtures.raw(RiverFixtures.waterLevel("wl-1", 42, 28_000));

        assertThat(new ReadingTimestamps().extractTimestamp(raw, 7L))
                .isEqualTo(RiverFixtures.minute(42));
    }

    @Test
    void onlyTheTopLevelTsCounts() {
        assertThat(eventTime("{\"metrics\":{\"ts\":5},\"nested\":[{\"ts\":6}],\"ts\":7}"))
                .isEqualTo(7);
    }

    @Test
    void aPayloadWithoutAReadableTsNeverAdvancesTheWatermark() {
        assertThat(eventTime("{\"sensorId\":\"x\"}")).isEqualTo(Long.MIN_VALUE);
        assertThat(eventTime("{\"ts\":\"2025-07-20T00:00:00Z\"}")).isEqualTo(Long.MIN_VALUE);
        assertThat(eventTime("[1,2]")).isEqualTo(Long.MIN_VALUE);
        assertThat(eventTime("{\"ts\":")).isEqualTo(Long.MIN_VALUE);
        assertThat(eventTime("")).isEqualTo(Long.MIN_VALUE);
        assertThat(ReadingTimestamps.eventTime(new byte[] {(byte) 0xff, 0x00}))
                .isEqualTo(Long.MIN_VALUE);
    }
}
