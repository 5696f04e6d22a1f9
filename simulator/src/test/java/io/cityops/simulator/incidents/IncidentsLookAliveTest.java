package io.cityops.simulator.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Metric;
import io.cityops.model.Reading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An incident must not make a sensor look stuck, or the health detectors would report it as broken.
 */
class IncidentsLookAliveTest {
    private static final Set<Metric> VARYING =
            Set.of(
                    Metric.SPEED_KMH,
                    Metric.OCCUPANCY,
                    Metric.TEMPERATURE_C,
                    Metric.HUMIDITY_PCT,
                    Metric.SMOKE_PPM,
                    Metric.PM25,
                    Metric.PM10,
                    Metric.WATER_LEVEL_CM,
                    Metric.VOLTAGE_V);

    /**
     * Far below the detector's 20 identical readings; noise at an instrument's resolution repeats a
     * value two or three times now and then, at this test's three readings a heartbeat.
     */
    private static final int MAX_RUN = 5;

    @ParameterizedTest
    @EnumSource(value = IncidentKind.class, mode = EnumSource.Mode.EXCLUDE, names = "STUCK_SENSOR")
    void noAffectedSensorRepeatsAValueFiveTimesInARow(IncidentKind kind) {
        Incident incident = Incidents.pick(kind, 8);
        List<Incidents.Step> steps =
                Incidents.run(
                        incident,
                        s -> incident.sensorIds().contains(s.id()),
                        Duration.ofSeconds(20),
                        incident.duration());
        for (String id : incident.sensorIds()) {
            for (Metric m : VARYING) {
                List<Double> values = new ArrayList<>();
                steps.forEach(
                        step -> {
                            Reading r = step.readings().get(id);
                            if (r != null && r.has(m) && !r.has(Metric.LAST_GASP)) {
                                values.add(r.value(m));
                            }
                        });
                int run = 1;
                for (int i = 1; i < values.size(); i++) {
                    run = values.get(i).equals(values.get(i - 1)) ? run + 1 : 1;
                    assertThat(run)
                            .as("%s %s stuck at %s around reading %d", id, m, values.get(i), i)
                            .isLessThan(MAX_RUN);
                }
            }
        }
    }
}
