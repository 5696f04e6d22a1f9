package io.cityops.jobs.detection.power;

import static io.cityops.jobs.detection.power.PowerFixtures.TR;
import static io.cityops.jobs.detection.power.PowerFixtures.TR_METER;
import static io.cityops.jobs.detection.power.PowerFixtures.customer;
import static io.cityops.jobs.detection.power.PowerFixtures.energy;
import static io.cityops.jobs.detection.power.PowerFixtures.minute;
import static io.cityops.jobs.detection.power.PowerFixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Aggregate;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hourly balance operator: an hour is balanced when the watermark passes it; state goes, and a
 * raised loss or tamper suspect is cleared ({@code reason=forgotten}) when it goes.
 */
class EnergyBalanceFunctionTest {
    private KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Signal> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new EnergyBalanceFunction(PowerFixtures.roll(), PowerParams.DEFAULTS),
                        SensorReading::subjectId,
                        Types.STRING);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    /**
     * Every meter of {@code tr-105-1} every 10 minutes: customers 100 Wh each, transformer 1100.
     */
    private void readEveryTenMinutes(int fromMinute, int toMinute) throws Exception {
        for (int t = fromMinute; t <= toMinute; t += 10) {
            harness.processElement(energy(TR_METER, minute(t), 11.0 * 10 * t), minute(t));
            for (int m = 1; m <= 10; m++) {
                harness.processElement(energy(customer(m), minute(t), 1.0 * 10 * t), minute(t));
            }
        }
    }

    private List<Aggregate> aggregates() {
        var out = harness.getSideOutput(EnergyBalanceFunction.AGGREGATES);
        return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void hoursAreBalancedWhenTheWatermarkPassesThemEvenAfterReadingsRanAhead() throws Exception {
        readEveryTenMinutes(0, 130);
        harness.processWatermark(minute(60) - 2);
        assertThat(aggregates()).hasSize(0);

        harness.processWatermark(minute(120) - 1);

        assertThat(aggregates())
                .extracting(
                        Aggregate::kind,
                        Aggregate::subjectId,
                        Aggregate::window,
                        Aggregate::windowStart,
                        a -> a.labels().get("complete"))
                .containsExactly(
                        tuple("power.transformer", TR, "1h", minute(0), "false"),
                        tuple("power.transformer", TR, "1h", minute(60), "true"));
        Aggregate hour1 = aggregates().get(1);
        assertThat(hour1.value("transformerWh")).isEqualTo(6600);
        assertThat(hour1.value("customersWh")).isEqualTo(6000);
        assertThat(hour1.value("lossShare")).isCloseTo(1.0 / 11, within(1e-9));
        assertThat(hour1.value("customersExpected")).isEqualTo(10);
        assertThat(harness.extractOutputValues()).isEmpty(); // 9 % is no loss
    }

    @Test
    void aTransformerThatStopsReportingLeavesNoStateOrTimers() throws Exception {
        readEveryTenMinutes(0, 70);
        harness.processWatermark(minute(120));
        assertThat(harness.numKeyedStateEntries()).isPositive();

        harness.processWatermark(minute(120) + Duration.ofHours(24).toMillis());

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    /**
     * Every meter of {@code tr-105-1} every 10 minutes: each customer 10 Wh, the transformer {@code
     * transformerWh}; customer 3 registers {@code reverseWh} more reverse energy each time.
     */
    private void readEveryTenMinutes(int toMinute, double transformerWh, double reverseWh)
            throws Exception {
        for (int t = 0; t <= toMinute; t += 10) {
            int steps = t / 10;
            harness.processElement(energy(TR_METER, minute(t), transformerWh * steps), minute(t));
            for (int m = 1; m <= 10; m++) {
                double wh = 10.0 * steps;
                harness.processElement(
                        m == 3
                                ? reading(
                                        customer(m),
                                        minute(t),
                                        Map.of(
                                                "energyWh",
                                                wh,
                                                "reverseEnergyWh",
                                                reverseWh * steps))
                                : energy(customer(m), minute(t), wh),
                        minute(t));
            }
        }
    }

    @Test
    void aRaisedLossIsClearedWhenItsTransformerIsForgotten() throws Exception {
        readEveryTenMinutes(240, 125, 0); // 100 of 125 Wh billed: 20 % loss
        harness.processWatermark(minute(240) - 1);
        assertThat(harness.extractOutputValues())
                .extracting(Signal::type, Signal::action)
                .containsExactly(tuple("power.loss", SignalAction.RAISE));

        harness.processWatermark(minute(300) + Duration.ofHours(24).toMillis());

        assertThat(harness.extractOutputValues())
                .extracting(Signal::type, Signal::subjectId, Signal::action, s -> reason(s))
                .containsExactly(
                        tuple("power.loss", TR, SignalAction.RAISE, null),
                        tuple("power.loss", TR, SignalAction.CLEAR, "forgotten"));
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void aRaisedTamperSuspectIsClearedWhenItsMeterIsForgotten() throws Exception {
        readEveryTenMinutes(70, 110, 5); // 9 % loss is none; meter 3 runs backwards
        harness.processWatermark(minute(60) - 1);
        assertThat(harness.extractOutputValues())
                .extracting(Signal::type, Signal::subjectId, Signal::action)
                .containsExactly(tuple("power.tamper", customer(3), SignalAction.RAISE));

        harness.processWatermark(minute(120) + Duration.ofHours(24).toMillis());

        assertThat(harness.extractOutputValues())
                .extracting(Signal::type, Signal::subjectId, Signal::action, s -> reason(s))
                .containsExactly(
                        tuple("power.tamper", customer(3), SignalAction.RAISE, "reverseEnergy"),
                        tuple("power.tamper", customer(3), SignalAction.CLEAR, "forgotten"));
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    private static String reason(Signal s) {
        return s.attributes().get("reason");
    }
}
