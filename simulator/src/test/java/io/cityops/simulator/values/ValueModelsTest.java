package io.cityops.simulator.values;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Metric;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueModelsTest {
    private static final CityModel CITY = CityModelLoader.sample();
    private static final Instant NOV_23 = Instant.parse("2025-11-22T17:00:00Z"); // local midnight
    private static final Instant JULY_10 = Instant.parse("2025-07-09T17:00:00Z");

    @Test
    void everyMetricStaysInsideItsPhysicalRangeAndItsDomainForTwoDaysInBothSeasons() {
        for (Instant start : List.of(NOV_23, JULY_10)) {
            Map<String, ValueModel> models = ValueModels.forCity(CITY, 7);
            for (Instant t = start;
                    t.isBefore(start.plus(Duration.ofDays(2)));
                    t = t.plusSeconds(60)) {
                for (Sensor s : sorted()) {
                    Map<Metric, Double> v = models.get(s.id()).next(t, Supply.ON).orElseThrow();
                    assertThat(s.domain().metrics()).as(s.id()).containsAll(v.keySet());
                    v.forEach(
                            (m, x) ->
                                    assertThat(m.isPossible(x))
                                            .as("%s %s = %s at %s", s.id(), m, x, start)
                                            .isTrue());
                }
            }
        }
    }

    @Test
    void valuesArePlausibleForTheirKindNotJustPossible() {
        Map<String, ValueModel> models = ValueModels.forCity(CITY, 7);
        for (Instant t = NOV_23;
                t.isBefore(NOV_23.plus(Duration.ofDays(1)));
                t = t.plusSeconds(60)) {
            for (Sensor s : sorted()) {
                Map<Metric, Double> v = models.get(s.id()).next(t, Supply.ON).orElseThrow();
                switch (s.kind()) {
                    case CUSTOMER_METER, TRANSFORMER_METER -> {
                        assertThat(v.get(Metric.VOLTAGE_V)).isBetween(215.6, 224.4);
                        assertThat(v.get(Metric.FREQUENCY_HZ)).isBetween(49.95, 50.05);
                    }
                    case TRAFFIC_DETECTOR ->
                            assertThat(v.get(Metric.SPEED_KMH)).isBetween(3.0, 80.0);
                    case AIR_QUALITY_STATION ->
                            assertThat(v.get(Metric.PM25)).isBetween(3.0, 120.0);
                    case FOREST_STATION ->
                            assertThat(v.get(Metric.TEMPERATURE_C)).isBetween(0.0, 35.0);
                    default -> {}
                }
            }
        }
    }

    @Test
    void dewPointIsAlwaysBelowTemperatureAndAgreesWithHumidity() {
        Map<String, ValueModel> models = ValueModels.forCity(CITY, 11);
        for (Instant t = JULY_10;
                t.isBefore(JULY_10.plus(Duration.ofDays(3)));
                t = t.plusSeconds(60)) {
            for (Sensor s : sorted(SensorKind.FOREST_STATION)) {
                Map<Metric, Double> v = models.get(s.id()).next(t, Supply.ON).orElseThrow();
                double temperature = v.get(Metric.TEMPERATURE_C);
                assertThat(v.get(Metric.DEW_POINT_C)).isLessThan(temperature);
                assertThat(v.get(Metric.DEW_POINT_C))
                        .isCloseTo(
                                Magnus.dewPointC(temperature, v.get(Metric.HUMIDITY_PCT)),
                                org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void energyRegistersNeverRunBackwardsEvenAcrossAnOutage() {
        Map<String, ValueModel> models = ValueModels.forCity(CITY, 3);
        Map<String, Double> lastEnergy = new java.util.HashMap<>();
        Instant outageFrom = NOV_23.plus(Duration.ofHours(19));
        Instant outageTo = outageFrom.plus(Duration.ofMinutes(30));
        for (Instant t = NOV_23;
                t.isBefore(NOV_23.plus(Duration.ofDays(1)));
                t = t.plusSeconds(60)) {
            boolean dark = !t.isBefore(outageFrom) && t.isBefore(outageTo);
            for (Sensor s : sorted(SensorKind.CUSTOMER_METER, SensorKind.TRANSFORMER_METER)) {
                models.get(s.id())
                        .next(t, dark ? Supply.LOST : Supply.ON)
                        .ifPresent(
                                v -> {
                                    double e = v.get(Metric.ENERGY_WH);
                                    assertThat(e)
                                            .as(s.id())
                                            .isGreaterThanOrEqualTo(
                                                    lastEnergy.getOrDefault(s.id(), 0.0));
                                    lastEnergy.put(s.id(), e);
                                });
            }
        }
    }

    @Test
    void transformerMeterCarriesItsCustomersPlusAFewPercentLosses() {
        Map<String, ValueModel> models = ValueModels.forCity(CITY, 5);
        Map<String, Double> first = new java.util.HashMap<>();
        Map<String, Double> last = new java.util.HashMap<>();
        for (Instant t = NOV_23;
                !t.isAfter(NOV_23.plus(Duration.ofDays(1)));
                t = t.plusSeconds(60)) {
            for (Sensor s : sorted(SensorKind.CUSTOMER_METER, SensorKind.TRANSFORMER_METER)) {
                double e =
                        models.get(s.id()).next(t, Supply.ON).orElseThrow().get(Metric.ENERGY_WH);
                first.putIfAbsent(s.id(), e);
                last.put(s.id(), e);
            }
        }
        for (Sensor tm : sorted(SensorKind.TRANSFORMER_METER)) {
            double customers =
                    sorted(SensorKind.CUSTOMER_METER).stream()
                            .filter(c -> c.subjectId().equals(tm.subjectId()))
                            .mapToDouble(c -> last.get(c.id()) - first.get(c.id()))
                            .sum();
            double supplied = last.get(tm.id()) - first.get(tm.id());
            assertThat((supplied - customers) / supplied).as(tm.subjectId()).isBetween(0.01, 0.08);
        }
    }

    @Test
    void rushHourIsSlowerAndBusierThanTheNight() {
        Instant night = NOV_23.plus(Duration.ofHours(3));
        Instant rush = NOV_23.plus(Duration.ofHours(17).plusMinutes(30));
        assertThat(TrafficModel.demand(rush)).isGreaterThan(3 * TrafficModel.demand(night));
        double nightSpeed = 0;
        double rushSpeed = 0;
        double nightOcc = 0;
        double rushOcc = 0;
        Map<String, ValueModel> models = ValueModels.forCity(CITY, 1);
        for (Sensor s : sorted(SensorKind.TRAFFIC_DETECTOR)) {
            Map<Metric, Double> n = models.get(s.id()).next(night, Supply.ON).orElseThrow();
            Map<Metric, Double> r = models.get(s.id()).next(rush, Supply.ON).orElseThrow();
            nightSpeed += n.get(Metric.SPEED_KMH);
            rushSpeed += r.get(Metric.SPEED_KMH);
            nightOcc += n.get(Metric.OCCUPANCY);
            rushOcc += r.get(Metric.OCCUPANCY);
        }
        assertThat(rushSpeed).isLessThan(0.8 * nightSpeed);
        assertThat(rushOcc).isGreaterThan(3 * nightOcc);
    }

    @Test
    void sameSeedGivesTheSameValuesAndAnotherSeedDoesNot() {
        assertThat(run(42)).isEqualTo(run(42)).isNotEqualTo(run(43));
    }

    private static List<Map<Metric, Double>> run(long seed) {
        Map<String, ValueModel> models = ValueModels.forCity(CITY, seed);
        List<Map<Metric, Double>> out = new ArrayList<>();
        for (Instant t = NOV_23;
                t.isBefore(NOV_23.plus(Duration.ofHours(2)));
                t = t.plusSeconds(30)) {
            for (Sensor s : sorted()) {
                out.add(models.get(s.id()).next(t, Supply.ON).orElseThrow());
            }
        }
        return out;
    }

    static List<Sensor> sorted(SensorKind... kinds) {
        List<SensorKind> wanted = List.of(kinds);
        return CITY.sensors().stream()
                .filter(s -> wanted.isEmpty() || wanted.contains(s.kind()))
                .sorted(java.util.Comparator.comparing(Sensor::id))
                .toList();
    }
}
