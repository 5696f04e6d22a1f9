package io.cityops.simulator.values;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Metric;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MeterTest {
    private static final Instant T0 = Instant.parse("2025-11-23T12:00:00Z");

    @Test
    void lostSupplySendsOneLastGaspThenSilenceAndNoEnergyIsCountedWhileDark() {
        Feeder feeder =
                new Feeder(new SplittableRandom(1), Feeder.gridFrequency(new SplittableRandom(2)));
        CustomerMeterModel meter = new CustomerMeterModel(new SplittableRandom(3), feeder);
        double before = meter.next(T0, Supply.ON).orElseThrow().get(Metric.ENERGY_WH);
        double atLoss =
                meter.next(T0.plusSeconds(60), Supply.ON).orElseThrow().get(Metric.ENERGY_WH);

        Map<Metric, Double> gasp = meter.next(T0.plusSeconds(61), Supply.LOST).orElseThrow();
        Optional<Map<Metric, Double>> silent = meter.next(T0.plusSeconds(121), Supply.LOST);
        Map<Metric, Double> back = meter.next(T0.plusSeconds(3600), Supply.ON).orElseThrow();

        assertThat(atLoss).isGreaterThan(before);
        assertThat(gasp).containsEntry(Metric.VOLTAGE_V, 0.0).containsEntry(Metric.LAST_GASP, 1.0);
        assertThat(silent).isEmpty();
        assertThat(feeder.customerPowerW()).isPositive();
        // Only the second between the last reading and the loss adds energy; the dark hour adds
        // none.
        assertThat(back.get(Metric.ENERGY_WH) - gasp.get(Metric.ENERGY_WH)).isZero();
        assertThat(back).doesNotContainKey(Metric.LAST_GASP);
    }

    @Test
    void aMeterWhoseGaspIsLostJustFallsSilent() {
        Feeder feeder =
                new Feeder(new SplittableRandom(1), Feeder.gridFrequency(new SplittableRandom(2)));
        CustomerMeterModel meter = new CustomerMeterModel(new SplittableRandom(3), feeder);
        meter.next(T0, Supply.ON);
        assertThat(meter.next(T0.plusSeconds(60), Supply.LOST_SILENTLY)).isEmpty();
        assertThat(feeder.customerPowerW()).isZero();
    }
}
