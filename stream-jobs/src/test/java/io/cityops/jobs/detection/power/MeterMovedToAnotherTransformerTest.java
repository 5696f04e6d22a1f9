package io.cityops.jobs.detection.power;

import static io.cityops.jobs.detection.power.PowerFixtures.OTHER_TR;
import static io.cityops.jobs.detection.power.PowerFixtures.TR;
import static io.cityops.jobs.detection.power.PowerFixtures.TR_METER;
import static io.cityops.jobs.detection.power.PowerFixtures.customer;
import static io.cityops.jobs.detection.power.PowerFixtures.minute;
import static io.cityops.jobs.detection.power.PowerFixtures.sensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Aggregate;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.Sensor;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry rewires 6 of the 10 customer meters of {@code tr-105-1} to {@code tr-105-2}: their
 * readings now name the new transformer, so the old one never hears them again. {@link
 * MeterMoveFunction} tells the old transformer they left: they must not "fall silent" there (a
 * false, never-clearing outage), they no longer count among its customers (the 4 left are the whole
 * transformer), and its energy balance is complete again without them.
 */
class MeterMovedToAnotherTransformerTest {
    private final KeyedOneInputStreamOperatorTestHarness<String, SensorReading, SensorReading>
            moves;
    private KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Signal> detector;
    private int passed;

    MeterMovedToAnotherTransformerTest() throws Exception {
        moves =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new MeterMoveFunction(PowerParams.DEFAULTS.forgetAfter()),
                        SensorReading::sensorId,
                        Types.STRING);
    }

    private void detect(KeyedProcessFunction<String, SensorReading, Signal> f) throws Exception {
        detector =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        f, SensorReading::subjectId, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        moves.close();
        detector.close();
    }

    /** Through the meter-keyed move tracker, then the transformer-keyed detector, as in the job. */
    private void read(SensorReading r) throws Exception {
        moves.processElement(r, r.ts());
        List<SensorReading> out = moves.extractOutputValues();
        for (; passed < out.size(); passed++) {
            detector.processElement(out.get(passed), out.get(passed).ts());
        }
    }

    /** Meter {@code m} of {@code tr-105-1}; from {@code movedFrom} on, meters 1..6 are rewired. */
    private static Sensor meter(int m, double minutes, double movedFrom) {
        Sensor s = sensor(customer(m));
        if (minutes >= movedFrom && m <= 6) {
            return new Sensor(
                    s.id(), s.kind(), s.districtId(), OTHER_TR, s.location(), s.heartbeatSec());
        }
        return s;
    }

    private static SensorReading reading(Sensor s, double minutes, double volts, double wh) {
        return new SensorReading(
                new Reading(
                        s.id(),
                        Domain.POWER,
                        minute(minutes),
                        Reading.NO_SEQ,
                        Map.of("voltageV", volts, "energyWh", wh)),
                s);
    }

    @Test
    void metersMovedToAnotherTransformerAreNoOutageOfTheOldOne() throws Exception {
        detect(new TransformerOutageFunction(PowerFixtures.roll(), PowerParams.DEFAULTS));
        for (int t = 0; t <= 10; t++) {
            detector.setProcessingTime(minute(t));
            for (int m = 1; m <= 10; m++) {
                read(reading(meter(m, t, 1), t, 221, 1_000 + t));
            }
        }

        assertThat(detector.extractOutputValues()).isEmpty();
    }

    @Test
    void theMetersLeftAreTheWholeTransformerWhenTheyAllGoDark() throws Exception {
        detect(new TransformerOutageFunction(PowerFixtures.roll(), PowerParams.DEFAULTS));
        for (int t = 0; t <= 3; t++) {
            detector.setProcessingTime(minute(t));
            for (int m = 1; m <= 10; m++) {
                read(reading(meter(m, t, 1), t, 221, 1_000 + t));
            }
        }
        for (int m = 7; m <= 10; m++) { // the 4 meters left lose supply: out of 4, not of 10
            read(reading(meter(m, 4, 1), 4, 0, 1_004));
        }

        assertThat(detector.extractOutputValues())
                .extracting(
                        Signal::subjectId,
                        Signal::action,
                        s -> s.attributes().get("affectedCustomers"),
                        s -> s.attributes().get("customers"))
                .containsExactly(
                        tuple(TR, SignalAction.RAISE, "3", "4"),
                        tuple(TR, SignalAction.UPDATE, "4", "4"));
    }

    @Test
    void theOldTransformersEnergyBalanceIsCompleteAgainWithoutTheMovedMeters() throws Exception {
        detect(new EnergyBalanceFunction(PowerFixtures.roll(), PowerParams.DEFAULTS));
        for (int t = 0; t <= 240; t += 10) {
            int steps = t / 10;
            // the 4 customers left draw 10 Wh per 10 minutes each; the transformer 50: 20 % loss
            read(
                    new SensorReading(
                            new Reading(
                                    TR_METER,
                                    Domain.POWER,
                                    minute(t),
                                    Reading.NO_SEQ,
                                    Map.of("energyWh", 50.0 * steps)),
                            sensor(TR_METER)));
            for (int m = 1; m <= 10; m++) {
                read(reading(meter(m, t, 10), t, 221, 10.0 * steps));
            }
        }
        detector.processWatermark(minute(240) - 1);

        assertThat(detector.extractOutputValues())
                .extracting(Signal::type, Signal::subjectId, Signal::action)
                .containsExactly(tuple("power.loss", TR, SignalAction.RAISE));
        List<Aggregate> hours =
                detector.getSideOutput(EnergyBalanceFunction.AGGREGATES).stream()
                        .map(StreamRecord::getValue)
                        .filter(a -> a.subjectId().equals(TR))
                        .toList();
        assertThat(hours)
                .extracting(a -> a.value("customersExpected"), a -> a.labels().get("complete"))
                .containsExactly(
                        tuple(4.0, "false"),
                        tuple(4.0, "true"),
                        tuple(4.0, "true"),
                        tuple(4.0, "true"));
    }
}
