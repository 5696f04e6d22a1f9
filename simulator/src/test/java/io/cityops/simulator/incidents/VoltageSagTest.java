package io.cityops.simulator.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.detection.power.MeterVoltage;
import io.cityops.jobs.detection.power.PowerParams;
import io.cityops.jobs.detection.power.TransformerVoltage;
import io.cityops.jobs.detection.power.VoltageBand;
import io.cityops.model.Metric;
import io.cityops.model.Reading;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VoltageSagTest {

    @Test
    void aSaggingMeterReads25VoltsLowAndDrawsMoreCurrentForTheSamePower() {
        VoltageSag sag = (VoltageSag) Incidents.pick(IncidentKind.VOLTAGE_SAG, 1);
        Sensor meter = Incidents.CITY.sensor(sag.sensorIds().iterator().next()).orElseThrow();
        Map<Metric, Double> normal =
                Map.of(
                        Metric.VOLTAGE_V,
                        221.0,
                        Metric.CURRENT_A,
                        2.0,
                        Metric.ACTIVE_POWER_W,
                        400.0);

        Map<Metric, Double> held = sag.adjust(meter, Duration.ofSeconds(240), normal);
        assertThat(held)
                .containsEntry(Metric.VOLTAGE_V, 196.0)
                .containsEntry(Metric.CURRENT_A, 2.0 * 221 / 196)
                .containsEntry(Metric.ACTIVE_POWER_W, 400.0);
        assertThat(sag.adjust(meter, Duration.ZERO, normal)).isEqualTo(normal);
        assertThat(sag.adjust(meter, Duration.ofSeconds(510), normal)).isEqualTo(normal);
        assertThat(sag.duration()).isEqualTo(Duration.ofSeconds(510));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void fewerThanHalfOfOneTransformersCustomerMetersSag(long seed) {
        VoltageSag sag = (VoltageSag) Incidents.pick(IncidentKind.VOLTAGE_SAG, seed);
        Set<String> customers = customers(sag.transformer().id());
        assertThat(customers).containsAll(sag.sensorIds());
        assertThat(sag.sensorIds()).isNotEmpty();
        assertThat(2 * sag.sensorIds().size()).isLessThan(customers.size());
    }

    /**
     * The simulated readings through the power detector's voltage band (default parameters): one
     * MINOR {@code power.voltage} per sagging meter after five minutes outside, one CLEAR each
     * after two minutes back; nothing for the transformer or the other meters.
     */
    @Test
    void theVoltageBandSignalsEachSaggingMeterAndClearsIt() {
        VoltageSag sag = (VoltageSag) Incidents.pick(IncidentKind.VOLTAGE_SAG, 1);
        String transformer = sag.transformer().id();
        Set<String> customers = customers(transformer);
        VoltageBand band = new VoltageBand(PowerParams.DEFAULTS);
        Map<String, MeterVoltage> meters = new HashMap<>();
        TransformerVoltage tv = TransformerVoltage.INITIAL;
        List<Signal> signals = new ArrayList<>();
        for (Incidents.Step step :
                Incidents.run(
                        sag,
                        s -> customers.contains(s.id()),
                        Duration.ofSeconds(60),
                        Duration.ofMinutes(15))) {
            for (Reading r : step.readings().values()) {
                double v = r.value(Metric.VOLTAGE_V);
                if (sag.sensorIds().contains(r.sensorId())
                        && step.elapsed().compareTo(Duration.ofMinutes(1)) >= 0
                        && step.elapsed().compareTo(Duration.ofMinutes(8)) <= 0) {
                    assertThat(v).isBetween(192.0, 200.0); // low, not dark (< 20 V)
                }
                meters.put(r.sensorId(), band.meter(meters.get(r.sensorId()), r.ts(), v, false));
                VoltageBand.Step s =
                        band.decide(
                                tv,
                                new HashMap<>(meters),
                                r.sensorId(),
                                customers.size(),
                                transformer,
                                "x",
                                r.ts());
                meters.putAll(s.meters());
                tv = s.transformer();
                signals.addAll(s.signals());
            }
        }

        assertThat(signals).allSatisfy(s -> assertThat(s.type()).isEqualTo("power.voltage"));
        assertThat(signals.stream().filter(s -> s.action() == SignalAction.RAISE))
                .extracting(Signal::subjectId)
                .containsExactlyInAnyOrderElementsOf(sag.sensorIds());
        assertThat(signals.stream().filter(s -> s.action() == SignalAction.CLEAR))
                .extracting(Signal::subjectId)
                .containsExactlyInAnyOrderElementsOf(sag.sensorIds());
        assertThat(signals).hasSize(2 * sag.sensorIds().size());
        signals.stream()
                .filter(s -> s.action() == SignalAction.RAISE)
                .forEach(
                        s -> {
                            assertThat(s.severity()).isEqualTo(Severity.MINOR);
                            assertThat(s.attributes()).containsEntry("direction", "under");
                        });
    }

    private static Set<String> customers(String transformer) {
        return Incidents.CITY.sensors().stream()
                .filter(
                        s ->
                                s.kind() == SensorKind.CUSTOMER_METER
                                        && s.subjectId().equals(transformer))
                .map(Sensor::id)
                .collect(Collectors.toSet());
    }
}
