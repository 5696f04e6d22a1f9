package io.cityops.simulator.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.jobs.detection.health.SensorHealthMonitor;
import io.cityops.jobs.detection.health.SensorHealthParams;
import io.cityops.jobs.detection.health.SensorHealthState;
import io.cityops.model.Reading;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StuckSensorTest {

    /**
     * The stuck station through the sensor-health rules (default parameters), at the 15 s it
     * resends its frame: 32 identical frames, one {@code sensor.stuck} RAISE at the 20th, one CLEAR
     * at the first live reading after the incident, no burst.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aForestStationRepeatsOneFrameAndTheHealthDetectorCallsItStuckThenFine(long seed) {
        StuckSensor stuck = (StuckSensor) Incidents.pick(IncidentKind.STUCK_SENSOR, seed);
        Sensor station = Incidents.CITY.sensor(stuck.sensorIds().iterator().next()).orElseThrow();
        assertThat(station.kind()).isEqualTo(SensorKind.FOREST_STATION);
        assertThat(stuck.reportEvery(station)).contains(Duration.ofSeconds(15));

        List<Incidents.Step> steps =
                Incidents.run(
                        stuck,
                        s -> s.id().equals(station.id()),
                        Duration.ofSeconds(15),
                        Duration.ofMinutes(10));
        SensorHealthMonitor monitor = new SensorHealthMonitor(SensorHealthParams.DEFAULTS);
        SensorHealthState state = new SensorHealthState();
        List<Signal> signals = new ArrayList<>();
        List<Reading> frozen = new ArrayList<>();
        for (Incidents.Step step : steps) {
            Reading r = step.readings().get(station.id());
            if (step.elapsed().compareTo(stuck.duration()) < 0) {
                frozen.add(r);
            }
            monitor.onReading(state, new SensorReading(r, station), signals::add);
        }

        assertThat(frozen).hasSize(32);
        assertThat(frozen).extracting(Reading::metrics).containsOnly(frozen.get(0).metrics());
        assertThat(signals)
                .extracting(Signal::type, Signal::action, Signal::eventTime)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "sensor.stuck", SignalAction.RAISE, frozen.get(19).ts()),
                        org.assertj.core.groups.Tuple.tuple(
                                "sensor.stuck",
                                SignalAction.CLEAR,
                                Incidents.START.plus(stuck.duration()).toEpochMilli()));
    }
}
