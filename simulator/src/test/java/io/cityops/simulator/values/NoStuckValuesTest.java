package io.cityops.simulator.values;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Metric;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.Sensor;
import io.cityops.simulator.device.WireValues;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Normal times must not look like a stuck sensor: the sensor-health detector raises {@code
 * sensor.stuck} when a metric that should vary (temperature, humidity, voltage, PM, speed, level)
 * repeats one value 20 times in a row. Saturated night air (humidity) and a grid at its voltage
 * bound once did exactly that, all night long.
 */
class NoStuckValuesTest {
    private static final Set<Metric> SHOULD_VARY =
            Set.of(
                    Metric.TEMPERATURE_C,
                    Metric.HUMIDITY_PCT,
                    Metric.VOLTAGE_V,
                    Metric.PM25,
                    Metric.PM10,
                    Metric.SPEED_KMH,
                    Metric.WATER_LEVEL_CM);

    @Test
    void noSensorRepeatsAVaryingMetricFiveTimesInADayAtItsHeartbeat() {
        CityModel city = CityModelLoader.sample();
        Map<String, ValueModel> models = ValueModels.forCity(city, 20251123L);
        Instant start = Instant.parse("2025-11-23T10:00:00Z"); // 17:00 local: through the night
        Map<String, Double> last = new HashMap<>();
        Map<String, Integer> run = new HashMap<>();
        Map<String, Integer> longest = new TreeMap<>();
        for (Duration e = Duration.ZERO;
                e.compareTo(Duration.ofHours(24)) <= 0;
                e = e.plusSeconds(60)) {
            Instant t = start.plus(e);
            for (Sensor s : city.sensors()) {
                Optional<Map<Metric, Double>> v = models.get(s.id()).next(t, Supply.ON);
                Map<String, Double> wire = WireValues.of(v.orElseThrow()); // as sent
                for (Metric m : SHOULD_VARY) {
                    Double value = wire.get(m.key());
                    if (value == null) {
                        continue;
                    }
                    String key = s.id() + " " + m;
                    Double prev = last.put(key, value);
                    int n = value.equals(prev) ? run.get(key) + 1 : 1;
                    run.put(key, n);
                    longest.merge(s.kind() + " " + m, n, Math::max);
                }
            }
        }
        assertThat(longest).isNotEmpty().allSatisfy((k, n) -> assertThat(n).as(k).isLessThan(5));
    }
}
