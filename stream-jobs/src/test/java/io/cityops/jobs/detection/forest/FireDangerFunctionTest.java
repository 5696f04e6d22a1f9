package io.cityops.jobs.detection.forest;

import static io.cityops.jobs.detection.forest.ForestFixtures.A1;
import static io.cityops.jobs.detection.forest.ForestFixtures.A2;
import static io.cityops.jobs.detection.forest.ForestFixtures.DRY_SPELL;
import static io.cityops.jobs.detection.forest.ForestFixtures.dayAt;
import static io.cityops.jobs.detection.forest.ForestFixtures.dayStart;
import static io.cityops.jobs.detection.forest.ForestFixtures.weather;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Aggregate;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Flink operator of the daily rating: local days, late readings, forgetting a silent zone. */
class FireDangerFunctionTest {
    private final FireDangerFunction function =
            new FireDangerFunction(ForestFixtures.city(), ForestParams.DEFAULTS);
    private KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Aggregate> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        function, SensorReading::subjectId, Types.STRING);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    private void send(SensorReading r) throws Exception {
        harness.processElement(r, r.ts());
    }

    /** Day n of the dry spell at two stations: rain split over 07:00 and 19:00, obs at 13:00. */
    private void drySpellDay(int n) throws Exception {
        double[] d = DRY_SPELL[n - 1];
        for (String station : new String[] {A1, A2}) {
            send(weather(station, dayAt(n, 7), d[0] - 8, 90, d[2] / 2));
            send(weather(station, dayAt(n, 13), d[0], d[1], 0));
            send(weather(station, dayAt(n, 19), d[0] - 4, 70, d[2] / 2));
        }
    }

    @Test
    void eachLocalDayClosesAtMidnightWithItsAggregateAndLevelThreeIsAnAlert() throws Exception {
        for (int n = 1; n <= 5; n++) {
            drySpellDay(n);
        }
        harness.processWatermark(dayStart(5)); // days 1-4 closed, day 5 still open

        assertThat(harness.extractOutputStreamRecords())
                .extracting(
                        r -> ((Aggregate) r.getValue()).windowStart(),
                        r -> ((Aggregate) r.getValue()).labels().get("level"),
                        StreamRecord::getTimestamp)
                .containsExactly(
                        tuple(dayStart(1), "I", dayStart(2) - 1),
                        tuple(dayStart(2), "II", dayStart(3) - 1),
                        tuple(dayStart(3), "III", dayStart(4) - 1),
                        tuple(dayStart(4), "I", dayStart(5) - 1));
        assertThat(harness.extractOutputValues().get(2).value("nesterov"))
                .isCloseTo(2921.25, within(0.01));
        assertThat(harness.getSideOutput(FireDangerFunction.SIGNALS))
                .extracting(
                        r -> r.getValue().action(),
                        r -> r.getValue().attributes().get("level"),
                        r -> r.getValue().subjectId())
                .containsExactly(
                        tuple(SignalAction.RAISE, "III", "forest-107-a"),
                        tuple(SignalAction.CLEAR, "I", "forest-107-a"));
    }

    @Test
    void aReadingOfADayAlreadyClosedIsLateAndChangesNothing() throws Exception {
        drySpellDay(1);
        harness.processWatermark(dayStart(2));

        send(weather(A1, dayAt(1, 20), 30, 50, 40)); // 40 mm that would have reset the index

        assertThat(function.lateReadings()).isEqualTo(1);
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(harness.extractOutputValues().get(0).value("nesterov"))
                .isCloseTo(635.06, within(0.01));
    }

    @Test
    void aZoneSilentForAWeekClearsItsAlertAndForgetsItsIndex() throws Exception {
        for (int n = 1; n <= 3; n++) {
            drySpellDay(n);
        }
        harness.processWatermark(dayStart(4));
        assertThat(harness.numEventTimeTimers()).isEqualTo(1); // the forget timer
        long forget = dayStart(4) - 1 + Duration.ofDays(7).toMillis();

        harness.processWatermark(forget - 1);
        assertThat(harness.getSideOutput(FireDangerFunction.SIGNALS)).hasSize(1);
        harness.processWatermark(forget);

        assertThat(harness.getSideOutput(FireDangerFunction.SIGNALS))
                .extracting(
                        r -> r.getValue().action(), r -> r.getValue().attributes().get("reason"))
                .containsExactly(
                        tuple(SignalAction.RAISE, null), tuple(SignalAction.CLEAR, "no-data"));
        Signal clear =
                harness.getSideOutput(FireDangerFunction.SIGNALS).stream()
                        .map(StreamRecord::getValue)
                        .toList()
                        .get(1);
        assertThat(clear.districtId()).isEqualTo("107");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
