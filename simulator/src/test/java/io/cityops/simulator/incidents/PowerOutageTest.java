package io.cityops.simulator.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Domain;
import io.cityops.model.Metric;
import io.cityops.model.Reading;
import io.cityops.model.city.Sensor;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PowerOutageTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void outageDarkensAtLeastEightyPercentOfOneTransformersMetersOnly(long seed) {
        PowerOutage outage = (PowerOutage) Incidents.pick(IncidentKind.POWER_OUTAGE, seed);
        List<Incidents.Step> steps =
                Incidents.run(
                        outage,
                        s -> s.domain() == Domain.POWER,
                        Duration.ofSeconds(20),
                        Duration.ofMinutes(8));

        Set<String> gasped = new HashSet<>();
        Set<String> everSilent = new HashSet<>();
        Set<String> all =
                Incidents.CITY.sensors().stream()
                        .filter(s -> s.domain() == Domain.POWER)
                        .map(Sensor::id)
                        .collect(Collectors.toSet());
        for (Incidents.Step step : steps) {
            for (Reading r : step.readings().values()) {
                if (r.has(Metric.LAST_GASP)) {
                    assertThat(r.value(Metric.VOLTAGE_V)).isZero();
                    assertThat(gasped.add(r.sensorId()))
                            .as("one gasp per outage from %s", r.sensorId())
                            .isTrue();
                }
            }
            all.stream().filter(id -> !step.readings().containsKey(id)).forEach(everSilent::add);
        }
        Set<String> transformerMeters = meters(outage);
        assertThat(everSilent).isEqualTo(transformerMeters);
        assertThat(gasped).isSubsetOf(transformerMeters);
        assertThat(gasped.size())
                .isGreaterThanOrEqualTo((int) Math.ceil(0.8 * transformerMeters.size()));
    }

    @Test
    void metersAreSilentWhileDarkAndAllReportAgainOnceTheSupplyIsBack() {
        PowerOutage outage = (PowerOutage) Incidents.pick(IncidentKind.POWER_OUTAGE, 1);
        List<Incidents.Step> steps =
                Incidents.run(
                        outage,
                        s -> s.domain() == Domain.POWER,
                        Duration.ofSeconds(20),
                        Duration.ofMinutes(8));
        Set<String> meters = meters(outage);
        Incidents.Step dark =
                steps.stream()
                        .filter(s -> s.elapsed().compareTo(Duration.ofSeconds(60)) == 0)
                        .findFirst()
                        .orElseThrow();
        Incidents.Step back = steps.get(steps.size() - 1);

        assertThat(dark.readings().keySet()).doesNotContainAnyElementsOf(meters);
        assertThat(back.readings().keySet()).containsAll(meters);
        back.readings()
                .values()
                .forEach(r -> assertThat(r.value(Metric.VOLTAGE_V)).isGreaterThan(200));
    }

    private static Set<String> meters(PowerOutage outage) {
        String transformer =
                Incidents.CITY
                        .sensor(outage.sensorIds().iterator().next())
                        .orElseThrow()
                        .subjectId();
        Set<String> meters =
                Incidents.CITY.sensors().stream()
                        .filter(
                                s ->
                                        s.domain() == Domain.POWER
                                                && s.subjectId().equals(transformer))
                        .map(Sensor::id)
                        .collect(Collectors.toSet());
        assertThat(outage.sensorIds()).isEqualTo(meters);
        return meters;
    }
}
