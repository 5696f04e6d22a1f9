package io.cityops.simulator.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.jobs.detection.forest.FireSample;
import io.cityops.jobs.detection.forest.ForestParams;
import io.cityops.jobs.detection.forest.TemperatureTrace;
import io.cityops.jobs.detection.forest.ZoneFireState;
import io.cityops.jobs.detection.forest.ZoneFireWatch;
import io.cityops.model.Metric;
import io.cityops.model.Reading;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.Sensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlameDetectionTest {

    @Test
    void theStationReportsFlameFrom15sTo300sAndModestSmokeAndHeat() {
        FlameDetection fire = (FlameDetection) Incidents.pick(IncidentKind.FLAME_DETECTION, 1);
        Sensor station = Incidents.CITY.sensor(fire.stationId()).orElseThrow();
        Map<Metric, Double> normal =
                Map.of(
                        Metric.TEMPERATURE_C, 20.0,
                        Metric.HUMIDITY_PCT, 60.0,
                        Metric.DEW_POINT_C, 12.0,
                        Metric.SMOKE_PPM, 1.0,
                        Metric.CO_PPM, 0.3);

        assertThat(fire.adjust(station, Duration.ofSeconds(14), normal))
                .containsEntry(Metric.FLAME, 0.0);
        Map<Metric, Double> burning = fire.adjust(station, Duration.ofSeconds(200), normal);
        assertThat(burning)
                .containsEntry(Metric.FLAME, 1.0)
                .containsEntry(Metric.TEMPERATURE_C, 25.0)
                .containsEntry(Metric.SMOKE_PPM, 121.0)
                .containsEntry(Metric.CO_PPM, 20.3);
        assertThat(fire.adjust(station, Duration.ofSeconds(300), normal))
                .containsEntry(Metric.FLAME, 0.0);
        assertThat(fire.adjust(station, fire.duration(), normal))
                .containsEntry(Metric.SMOKE_PPM, 1.0)
                .containsEntry(Metric.TEMPERATURE_C, 20.0);
        assertThat(fire.sensorIds()).containsExactly(fire.stationId());
    }

    /**
     * Through the zone fire watch (default parameters): the first flame reading raises the zone's
     * {@code forest.fire} at once, confirmed CRITICAL, caused by the flame; with the flame sensor
     * blanked, the same smoke and heat at one station raise nothing.
     */
    @Test
    void theFireWatchConfirmsTheFireAtTheFirstFlameReading() {
        FlameDetection fire = (FlameDetection) Incidents.pick(IncidentKind.FLAME_DETECTION, 1);
        Sensor station = Incidents.CITY.sensor(fire.stationId()).orElseThrow();
        List<Reading> readings =
                Incidents.run(
                                fire,
                                s -> s.id().equals(station.id()),
                                Duration.ofSeconds(15),
                                fire.duration().minusSeconds(1))
                        .stream()
                        .map(s -> s.readings().get(station.id()))
                        .toList();

        List<Signal> withFlame = watch(station, readings, false);
        assertThat(withFlame).hasSize(1);
        Signal raise = withFlame.get(0);
        assertThat(raise.type()).isEqualTo("forest.fire");
        assertThat(raise.action()).isEqualTo(SignalAction.RAISE);
        assertThat(raise.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(raise.subjectId()).isEqualTo(station.subjectId());
        assertThat(raise.attributes()).containsEntry("cause", "flame");
        assertThat(raise.eventTime())
                .isEqualTo(Incidents.START.plusSeconds(15).toEpochMilli()); // the first flame

        assertThat(watch(station, readings, true)).isEmpty();
    }

    private static List<Signal> watch(Sensor station, List<Reading> readings, boolean blind) {
        ZoneFireWatch watch = new ZoneFireWatch(ForestParams.DEFAULTS);
        ZoneFireState state = ZoneFireState.INITIAL;
        TemperatureTrace trace = TemperatureTrace.EMPTY;
        List<Signal> signals = new ArrayList<>();
        for (Reading r : readings) {
            FireSample s = FireSample.of(new SensorReading(r, station));
            if (blind) {
                s =
                        new FireSample(
                                s.stationId(),
                                s.districtId(),
                                s.ts(),
                                s.temperatureC(),
                                s.smokePpm(),
                                s.coPpm(),
                                Double.NaN);
            }
            ZoneFireWatch.Step step = watch.onSample(state, trace, station.subjectId(), "zone", s);
            state = step.state();
            trace = step.trace();
            step.signal().ifPresent(signals::add);
        }
        return signals;
    }
}
