package io.cityops.simulator.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.coverage.liveness.SilenceRule;
import io.cityops.jobs.detection.health.SensorHealthParams;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SilentSensorTest {
    private static final Set<SensorKind> METERS =
            EnumSet.of(SensorKind.CUSTOMER_METER, SensorKind.TRANSFORMER_METER);

    /**
     * The device sends nothing for longer than the health detector's silence window (heartbeat × 3
     * by default), then reports again at its heartbeat: a {@code sensor.silent} RAISE, then a
     * CLEAR. Never a meter (customer meters are exempt from silence signals).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void aDeviceFallsSilentLongerThanTheSilenceWindowAndComesBack(long seed) {
        SilentSensor silent = (SilentSensor) Incidents.pick(IncidentKind.SILENT_SENSOR, seed);
        Sensor sensor = Incidents.CITY.sensor(silent.sensorIds().iterator().next()).orElseThrow();
        assertThat(sensor.kind()).isNotIn(METERS);
        assertThat(SensorHealthParams.DEFAULTS.silenceExempt()).doesNotContain(sensor.kind());
        Duration heartbeat = Duration.ofSeconds(sensor.heartbeatSec());
        long beats = -Math.floorDiv(-silent.duration().toMillis(), heartbeat.toMillis());
        Duration back = heartbeat.multipliedBy(beats); // the first reading time at or after it

        List<Duration> heard = new ArrayList<>();
        for (Incidents.Step s :
                Incidents.run(
                        silent,
                        x -> x.id().equals(sensor.id()),
                        heartbeat,
                        back.plus(heartbeat.multipliedBy(3)))) {
            if (s.readings().containsKey(sensor.id())) {
                heard.add(s.elapsed());
            }
        }

        // Silent from the start to the end of the incident, then at every heartbeat again.
        assertThat(heard.get(0)).isEqualTo(back);
        assertThat(heard)
                .containsExactly(
                        back,
                        back.plus(heartbeat),
                        back.plus(heartbeat.multipliedBy(2)),
                        back.plus(heartbeat.multipliedBy(3)));
        SilenceRule rule = SensorHealthParams.DEFAULTS.silence();
        long lastBefore = Incidents.START.toEpochMilli() - heartbeat.toMillis();
        assertThat(silent.duration().toMillis() + heartbeat.toMillis())
                .isGreaterThan(rule.windowMs(sensor) + 2 * heartbeat.toMillis());
        // A reading sent on time before the silence is stale well before the device is back.
        assertThat(
                        rule.isFresh(
                                sensor,
                                lastBefore,
                                Incidents.START.plus(silent.duration()).toEpochMilli() - 1))
                .isFalse();
        assertThat(silent.duration())
                .isEqualTo(
                        heartbeat.multipliedBy(65).dividedBy(10).compareTo(Duration.ofMinutes(6))
                                        > 0
                                ? heartbeat.multipliedBy(65).dividedBy(10)
                                : Duration.ofMinutes(6));
    }
}
