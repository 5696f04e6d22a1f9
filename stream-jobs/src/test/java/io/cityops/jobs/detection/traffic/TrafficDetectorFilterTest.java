package io.cityops.jobs.detection.traffic;

import static io.cityops.jobs.detection.traffic.TrafficFixtures.QL4D_DOWN;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.QL4D_UP;
import static io.cityops.jobs.detection.traffic.TrafficFixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.city.Sensor;
import org.junit.jupiter.api.Test;

class TrafficDetectorFilterTest {
    private final TrafficDetectorFilter filter = new TrafficDetectorFilter(TrafficFixtures.city());

    @Test
    void keepsTheDetectorsOfTheirSegment() {
        assertThat(filter.filter(reading(QL4D_UP, 0, 45, 8))).isTrue();
        assertThat(filter.filter(reading(QL4D_DOWN, 0, 45, 8))).isTrue();
    }

    @Test
    void dropsADetectorRegisteredOnASegmentThatDoesNotNameIt() {
        SensorReading r = reading(QL4D_UP, 0, 45, 8);
        Sensor s = r.sensor();
        Sensor moved = new Sensor(s.id(), s.kind(), s.districtId(), "seg-105-2", s.location(), 30);

        assertThat(filter.filter(new SensorReading(r.reading(), moved))).isFalse();
    }

    @Test
    void dropsOtherKindsOfSensor() {
        SensorReading r = reading(QL4D_UP, 0, 45, 8);
        Sensor gauge = TrafficFixtures.city().sensor("wl-107-muongte").orElseThrow();

        assertThat(filter.filter(new SensorReading(r.reading(), gauge))).isFalse();
    }
}
