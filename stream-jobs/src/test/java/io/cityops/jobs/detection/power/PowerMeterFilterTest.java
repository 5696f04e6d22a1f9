package io.cityops.jobs.detection.power;

import static io.cityops.jobs.detection.power.PowerFixtures.customer;
import static io.cityops.jobs.detection.power.PowerFixtures.minute;
import static io.cityops.jobs.detection.power.PowerFixtures.normal;
import static io.cityops.jobs.detection.power.PowerFixtures.sensor;
import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.city.Sensor;
import org.junit.jupiter.api.Test;

/**
 * Power meters are keyed by their transformer (subject): a meter registered without one would make
 * {@code keyBy(subjectId)} throw and fail the job, so its readings are dropped and counted.
 */
class PowerMeterFilterTest {
    private static SensorReading withSubject(String subject) {
        SensorReading r = normal(customer(1), minute(0), 221, 1_000);
        Sensor s = r.sensor();
        return new SensorReading(
                r.reading(),
                new Sensor(
                        s.id(), s.kind(), s.districtId(), subject, s.location(), s.heartbeatSec()));
    }

    @Test
    void aMeterWithoutTransformerIsDroppedAndCounted() {
        PowerMeterFilter filter = new PowerMeterFilter();

        assertThat(filter.filter(withSubject(null))).isFalse();
        assertThat(filter.filter(withSubject(" "))).isFalse();
        assertThat(filter.filter(withSubject(null))).isFalse();

        assertThat(filter.dropped()).isEqualTo(3);
    }

    @Test
    void metersWithTheirTransformerPassAndOtherSensorsDoNot() {
        PowerMeterFilter filter = new PowerMeterFilter();

        assertThat(filter.filter(normal(customer(1), minute(0), 221, 1_000))).isTrue();
        assertThat(filter.filter(normal(PowerFixtures.TR_METER, minute(0), 221, 1_000))).isTrue();
        Sensor gauge =
                PowerFixtures.city().sensors().stream()
                        .filter(s -> s.domain() != io.cityops.model.Domain.POWER)
                        .findFirst()
                        .orElseThrow();
        SensorReading other =
                new SensorReading(normal(customer(1), minute(0), 1, 1).reading(), gauge);
        assertThat(filter.filter(other)).isFalse();
        assertThat(filter.dropped()).isZero();
        assertThat(sensor(customer(1)).subjectId()).isEqualTo(PowerFixtures.TR);
    }
}
