package io.cityops.jobs.coverage.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.city.GeoPoint;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import org.junit.jupiter.api.Test;

/** Freshness against the clock, and against the stream's event-time front while it catches up. */
class SilenceRuleTest {
    private static final Sensor STATION =
            new Sensor("fs-1", SensorKind.FOREST_STATION, "104", "fz-1", new GeoPoint(22, 103), 60);
    private static final SilenceRule RULE = new SilenceRule(3); // window 180 s
    private static final long NOW = 10_000_000L;
    private static final long OOO = 30_000L;

    @Test
    void withoutAWatermarkFreshnessIsJudgedByTheClock() {
        assertThat(RULE.isFresh(STATION, NOW - 180_000, NOW, Long.MIN_VALUE, OOO)).isTrue();
        assertThat(RULE.isFresh(STATION, NOW - 180_001, NOW, Long.MIN_VALUE, OOO)).isFalse();
    }

    @Test
    void whileTheStreamCatchesUpFreshnessIsJudgedByItsEventTimeFront() {
        long watermark = NOW - 3_600_000; // an hour behind: a backlog being read
        long front = watermark + OOO;
        assertThat(RULE.isFresh(STATION, front - 180_000, NOW, watermark, OOO)).isTrue();
        assertThat(RULE.isFresh(STATION, front - 180_001, NOW, watermark, OOO)).isFalse();
    }

    @Test
    void aWatermarkAtOrNearTheClockOrAtTheEndOfTimeFallsBackToTheClock() {
        assertThat(RULE.isFresh(STATION, NOW - 180_001, NOW, NOW - 10_000, OOO)).isFalse();
        assertThat(RULE.isFresh(STATION, NOW - 180_001, NOW, Long.MAX_VALUE, OOO)).isFalse();
        assertThat(RULE.isFresh(STATION, NOW - 180_000, NOW, Long.MAX_VALUE, OOO)).isTrue();
    }
}
