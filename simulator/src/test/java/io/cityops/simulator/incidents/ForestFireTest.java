package io.cityops.simulator.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Metric;
import io.cityops.model.Reading;
import io.cityops.model.city.SensorKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForestFireTest {
    private static final double SMOKE_THRESHOLD_PPM = 50;

    private final ForestFire fire = (ForestFire) Incidents.pick(IncidentKind.FOREST_FIRE, 3);
    private final String first = fire.firstStationId();
    private final String second = fire.secondStationId();
    private final List<Incidents.Step> steps =
            Incidents.run(
                    fire,
                    s -> s.kind() == SensorKind.FOREST_STATION,
                    Duration.ofSeconds(15),
                    Duration.ofMinutes(12));

    @Test
    void firstStationHeatsUpMoreThanTenDegreesWithinThreeMinutesWhileSmokeRises() {
        double before = value(0, first, Metric.TEMPERATURE_C);
        int threeMinutes = 12;
        assertThat(value(threeMinutes, first, Metric.TEMPERATURE_C) - before).isGreaterThan(10);
        assertThat(value(threeMinutes, first, Metric.SMOKE_PPM)).isGreaterThan(SMOKE_THRESHOLD_PPM);
        assertThat(value(threeMinutes, first, Metric.CO_PPM)).isGreaterThan(20);
    }

    @Test
    void aSecondStationOfTheSameZoneConfirmsWithinTwoMinutesOfTheFirst() {
        assertThat(Incidents.CITY.sensor(first).orElseThrow().subjectId())
                .isEqualTo(Incidents.CITY.sensor(second).orElseThrow().subjectId());
        int firstSmoke = firstStepAbove(first);
        int secondSmoke = firstStepAbove(second);
        assertThat(secondSmoke).isGreaterThan(firstSmoke);
        assertThat((secondSmoke - firstSmoke) * 15).isLessThanOrEqualTo(120);
    }

    @Test
    void heatedAirIsDrierAndItsDewPointStaysBelowTheTemperature() {
        for (Incidents.Step step : steps) {
            Reading r = step.readings().get(first);
            assertThat(r.value(Metric.DEW_POINT_C)).isLessThan(r.value(Metric.TEMPERATURE_C));
        }
        assertThat(value(20, first, Metric.HUMIDITY_PCT))
                .isLessThan(value(0, first, Metric.HUMIDITY_PCT));
    }

    @Test
    void theFireIsOutAfterTenMinutesAndOtherStationsNeverSawSmoke() {
        int last = steps.size() - 1;
        assertThat(value(last, first, Metric.SMOKE_PPM)).isLessThan(5);
        assertThat(value(last, second, Metric.SMOKE_PPM)).isLessThan(5);
        for (Incidents.Step step : steps) {
            for (Map.Entry<String, Reading> e : step.readings().entrySet()) {
                if (!e.getKey().equals(first) && !e.getKey().equals(second)) {
                    assertThat(e.getValue().value(Metric.SMOKE_PPM)).isLessThan(5);
                }
            }
        }
    }

    private int firstStepAbove(String station) {
        for (int i = 0; i < steps.size(); i++) {
            if (value(i, station, Metric.SMOKE_PPM) > SMOKE_THRESHOLD_PPM) {
                return i;
            }
        }
        throw new AssertionError(station + " never saw smoke");
    }

    private double value(int step, String station, Metric m) {
        return steps.get(step).readings().get(station).value(m);
    }
}
