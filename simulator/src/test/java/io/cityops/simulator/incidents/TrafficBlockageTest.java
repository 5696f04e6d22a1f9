package io.cityops.simulator.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Metric;
import io.cityops.model.city.RoadSegment;
import io.cityops.model.city.SensorKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the blockage against the California algorithm #7 tests of DOMAIN.md, minute by minute. */
class TrafficBlockageTest {
    private static final double T1 = 8;
    private static final double T2 = 0.5;
    private static final double T3 = 0.3;

    private final TrafficBlockage blockage =
            (TrafficBlockage) Incidents.pick(IncidentKind.TRAFFIC_BLOCKAGE, 5);
    private final List<Incidents.Step> minutes =
            Incidents.run(
                    blockage,
                    s -> s.kind() == SensorKind.TRAFFIC_DETECTOR,
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(10));
    private final RoadSegment blocked = blockage.segment();
    private final RoadSegment neighbour = blockage.neighbour();

    @Test
    void blockedSegmentPassesAllThreeCaliforniaTestsForTwoMinutes() {
        int passing = 0;
        for (int t = 2; t <= 6; t++) {
            double u = occ(t, blocked.upstreamSensorId());
            double d = occ(t, blocked.downstreamSensorId());
            double occdf = u - d;
            double occrdf = occdf / u;
            double docctd =
                    (occ(t - 2, blocked.downstreamSensorId()) - d)
                            / occ(t - 2, blocked.downstreamSensorId());
            if (occdf >= T1 && occrdf >= T2 && (docctd >= T3 || passing > 0)) {
                passing++;
            }
        }
        assertThat(passing).isGreaterThanOrEqualTo(2);
        assertThat(speed(4, blocked.upstreamSensorId())).isLessThan(0.25 * blocked.freeFlowKmh());
    }

    @Test
    void neighbourIsCongestedButShowsNoIncidentPattern() {
        for (int t = 2; t <= 6; t++) {
            double u = occ(t, neighbour.upstreamSensorId());
            double d = occ(t, neighbour.downstreamSensorId());
            assertThat((u - d) / u).as("OCCRDF at minute %d", t).isLessThan(T2);
            assertThat(speed(t, neighbour.upstreamSensorId()) / neighbour.freeFlowKmh())
                    .isLessThan(0.5);
        }
    }

    @Test
    void trafficIsBackToWhatItWasOnceCleared() {
        String upstream = blocked.upstreamSensorId();
        assertThat(speed(9, upstream)).isGreaterThan(0.85 * speed(0, upstream));
        assertThat(occ(9, upstream)).isLessThan(1.5 * occ(0, upstream) + 2);
    }

    private double occ(int minute, String sensor) {
        return minutes.get(minute).readings().get(sensor).value(Metric.OCCUPANCY);
    }

    private double speed(int minute, String sensor) {
        return minutes.get(minute).readings().get(sensor).value(Metric.SPEED_KMH);
    }
}
