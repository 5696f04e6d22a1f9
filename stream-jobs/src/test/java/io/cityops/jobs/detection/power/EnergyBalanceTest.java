package io.cityops.jobs.detection.power;

import static io.cityops.jobs.detection.power.PowerFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hourly energies from cumulative counters, and the balance of a transformer's hour. */
class EnergyBalanceTest {
    private static final long H0 = minute(0);
    private static final long H1 = minute(60);

    /** A meter read every 10 minutes from minute 0 to {@code toMinute}, using {@code whPerStep}. */
    private static MeterEnergy meter(boolean customer, int toMinute, double whPerStep) {
        MeterEnergy m = MeterEnergy.first(customer, minute(0), 1_000, Double.NaN);
        for (int t = 10; t <= toMinute; t += 10) {
            m = m.take(minute(t), 1_000 + whPerStep * t / 10, Double.NaN);
        }
        return m;
    }

    @Test
    void anHourIsTheDifferenceBetweenTheLastReadingsOfTwoHours() {
        MeterEnergy m = meter(true, 120, 50);

        // hour 0 has no known start; hour 1 runs from the reading at 50 to the one at 110
        assertThat(m.hour(H0)).isEqualTo(new MeterHour(H0, 250, 0, false)); // waits for balancing
        MeterHour h1 = m.take(minute(121), 1_000 + 50 * 12.1, Double.NaN).hour(H1);
        assertThat(h1.complete()).isTrue();
        assertThat(h1.wh()).isCloseTo(300, within(1e-9));
        assertThat(meter(true, 50, 50).hour(H0).complete()).isFalse();
        assertThat(m.balanced(H0).hour(H0)).isEqualTo(MeterHour.EMPTY);
    }

    @Test
    void aCounterResetMarksTheHourIncompleteInsteadOfInventingEnergy() {
        MeterEnergy m = meter(true, 60, 50);
        m = m.take(minute(70), 1_350, Double.NaN);
        m = m.take(minute(80), 20, Double.NaN); // meter replaced: register starts again
        m = m.take(minute(90), 70, Double.NaN);

        MeterHour h1 = m.hour(H1);
        assertThat(h1.complete()).isFalse();
        // 50→60, 60→70 and 80→90 count; the step back to 20 Wh does not (never −1330)
        assertThat(h1.wh()).isCloseTo(150, within(1e-9));
    }

    @Test
    void aGapOfMoreThanAnHourLeavesTheNextHourWithoutAStart() {
        MeterEnergy m = MeterEnergy.first(true, minute(0), 1_000, Double.NaN);
        m = m.take(minute(130), 1_500, Double.NaN);

        assertThat(m.hour(minute(120)).complete()).isFalse();
    }

    @Test
    void aCompleteHourGivesTheLossShare() {
        HourBalance b =
                HourBalance.of(
                        H1,
                        List.of(new MeterHour(H1, 1_000, 0, true)),
                        List.of(new MeterHour(H1, 500, 0, true), new MeterHour(H1, 300, 0, true)),
                        2);

        assertThat(b.complete()).isTrue();
        assertThat(b.customersWh()).isEqualTo(800);
        assertThat(b.lossShare()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void aMissingCustomerMeterMakesTheHourIncomplete() {
        HourBalance b =
                HourBalance.of(
                        H1,
                        List.of(new MeterHour(H1, 1_000, 0, true)),
                        List.of(new MeterHour(H1, 500, 0, true), MeterHour.EMPTY),
                        3);

        assertThat(b.complete()).isFalse();
        assertThat(b.customersReported()).isEqualTo(1);
        assertThat(b.customersExpected()).isEqualTo(3);
    }

    @Test
    void aResetTransformerMeterOrNoTransformerMeterMakesTheHourIncomplete() {
        List<MeterHour> customers = List.of(new MeterHour(H1, 500, 0, true));

        assertThat(
                        HourBalance.of(H1, List.of(new MeterHour(H1, 10, 0, false)), customers, 1)
                                .complete())
                .isFalse();
        HourBalance none = HourBalance.of(H1, List.of(), customers, 1);
        assertThat(none.complete()).isFalse();
        assertThat(none.lossShare()).isNaN();
    }
}
