package io.cityops.simulator.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cityops.jobs.detection.power.MeterEnergy;
import io.cityops.jobs.detection.power.MeterHour;
import io.cityops.jobs.detection.power.PowerParams;
import io.cityops.jobs.detection.power.TamperWatch;
import io.cityops.model.Metric;
import io.cityops.model.Reading;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeterTamperTest {

    @Test
    void theExportRegisterCounts40PercentOfTheImportedEnergyFromZero() {
        MeterTamper tamper = (MeterTamper) Incidents.pick(IncidentKind.METER_TAMPER, 1);
        Sensor meter = Incidents.CITY.sensor(tamper.sensorIds().iterator().next()).orElseThrow();
        assertThat(meter.kind()).isEqualTo(SensorKind.CUSTOMER_METER);

        assertThat(tamper.adjust(meter, Duration.ZERO, Map.of(Metric.ENERGY_WH, 1000.0)))
                .containsEntry(Metric.REVERSE_ENERGY_WH, 0.0)
                .containsEntry(Metric.ENERGY_WH, 1000.0);
        assertThat(tamper.adjust(meter, Duration.ofMinutes(5), Map.of(Metric.ENERGY_WH, 1050.0)))
                .containsEntry(Metric.REVERSE_ENERGY_WH, 20.0)
                .containsEntry(Metric.ENERGY_WH, 1050.0);
    }

    /**
     * Through the energy balance's meter record and the tamper watch (default parameters): the hour
     * holding the incident registers several Wh of reverse energy and the meter is a MINOR {@code
     * power.tamper} suspect for reverse energy.
     */
    @Test
    void theTamperWatchRaisesAReverseEnergySuspectForTheHour() {
        MeterTamper tamper = (MeterTamper) Incidents.pick(IncidentKind.METER_TAMPER, 1);
        Sensor meter = Incidents.CITY.sensor(tamper.sensorIds().iterator().next()).orElseThrow();
        List<Reading> readings =
                Incidents.run(
                                tamper,
                                s -> s.id().equals(meter.id()),
                                Duration.ofSeconds(60),
                                Duration.ofMinutes(59))
                        .stream()
                        .map(s -> s.readings().get(meter.id()))
                        .toList();
        MeterEnergy energy = null;
        for (Reading r : readings) {
            double wh = r.value(Metric.ENERGY_WH);
            double rev = r.value(Metric.REVERSE_ENERGY_WH);
            energy =
                    energy == null
                            ? MeterEnergy.first(true, r.ts(), wh, rev)
                            : energy.take(r.ts(), wh, rev);
        }
        long hour = MeterEnergy.hourOf(Incidents.START.toEpochMilli());
        MeterHour h = energy.hour(hour);
        Reading lastTampered = readings.get(9); // 9 min in; the incident lasts 10
        double expected = lastTampered.value(Metric.REVERSE_ENERGY_WH);
        assertThat(expected)
                .isCloseTo(
                        0.4
                                * (lastTampered.value(Metric.ENERGY_WH)
                                        - readings.get(0).value(Metric.ENERGY_WH)),
                        within(0.1));
        assertThat(h.reverseWh()).isCloseTo(expected, within(1e-6)).isGreaterThan(1.0);

        TamperWatch.Step step =
                new TamperWatch(PowerParams.DEFAULTS)
                        .onHour(hour, Map.of(meter.id(), h), Map.of(), meter.districtId());
        assertThat(step.signals()).hasSize(1);
        Signal s = step.signals().get(0);
        assertThat(s.type()).isEqualTo("power.tamper");
        assertThat(s.action()).isEqualTo(SignalAction.RAISE);
        assertThat(s.severity()).isEqualTo(Severity.MINOR);
        assertThat(s.subjectId()).isEqualTo(meter.id());
        assertThat(s.attributes()).containsEntry("reason", "reverseEnergy");
    }
}
