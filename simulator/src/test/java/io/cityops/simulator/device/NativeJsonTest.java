package io.cityops.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Domain;
import io.cityops.model.Metric;
import io.cityops.model.Reading;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeJsonTest {

    @Test
    void encodesTheNativeReadingWithPlainNumbersInAStableOrder() {
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        v.put(Metric.ENERGY_WH, 12345678.94);
        v.put(Metric.VOLTAGE_V, 221.456);
        v.put(Metric.FREQUENCY_HZ, 50.0123);
        v.put(Metric.LAST_GASP, 0.0);
        Reading r = new Reading("pm-105-1-03", Domain.POWER, 1763866800000L, 7, WireValues.of(v));

        assertThat(new String(NativeJson.encode(r), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"sensorId\":\"pm-105-1-03\",\"ts\":1763866800000,\"seq\":7,\"metrics\":"
                                + "{\"voltageV\":221.46,\"frequencyHz\":50.012,\"energyWh\":12345678.9,\"lastGasp\":0}}");
    }

    @Test
    void escapesTheSensorIdAndLeavesOutAMissingSequence() {
        Reading r =
                new Reading("odd\"id", Domain.TRAFFIC, 1, Reading.NO_SEQ, Map.of("speedKmh", 40.0));
        assertThat(new String(NativeJson.encode(r), StandardCharsets.UTF_8))
                .isEqualTo("{\"sensorId\":\"odd\\\"id\",\"ts\":1,\"metrics\":{\"speedKmh\":40}}");
    }

    @Test
    void impossibleValuesAreClampedIntoTheMetricsRangeAndNonFiniteOnesLeftOut() {
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        v.put(Metric.OCCUPANCY, 104.0);
        v.put(Metric.HUMIDITY_PCT, -3.0);
        v.put(Metric.SPEED_KMH, Double.NaN);
        assertThat(WireValues.of(v))
                .containsExactly(Map.entry("occupancy", 100.0), Map.entry("humidityPct", 0.0));
    }
}
