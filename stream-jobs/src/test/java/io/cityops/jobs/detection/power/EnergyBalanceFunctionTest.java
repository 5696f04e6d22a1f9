package io.cityops.jobs.detection.power;

import static io.cityops.jobs.detection.power.PowerFixtures.TR;
import static io.cityops.jobs.detection.power.PowerFixtures.TR_METER;
import static io.cityops.jobs.detection.power.PowerFixtures.customer;
import static io.cityops.jobs.detection.power.PowerFixtures.energy;
import static io.cityops.jobs.detection.power.PowerFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Aggregate;
import io.cityops.model.Signal;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hourly balance operator: an hour is balanced when the watermark passes it; state goes. */
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
}
