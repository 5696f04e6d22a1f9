package io.cityops.jobs.detection.power;

import static io.cityops.jobs.detection.power.PowerFixtures.OTHER_TR;
import static io.cityops.jobs.detection.power.PowerFixtures.TR;
import static io.cityops.jobs.detection.power.PowerFixtures.customer;
import static io.cityops.jobs.detection.power.PowerFixtures.minute;
import static io.cityops.jobs.detection.power.PowerFixtures.normal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.city.Sensor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * The move tracker passes readings on and sends one departure to a moved meter's old transformer.
 */
class MeterMoveFunctionTest {
    @Test
    void aMeterNamingAnotherTransformerFirstLeavesItsOldOne() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, SensorReading, SensorReading> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new MeterMoveFunction(PowerParams.DEFAULTS.forgetAfter()),
                        SensorReading::sensorId,
                        Types.STRING);
        SensorReading before = normal(customer(1), minute(0), 221, 1_000);
        Sensor s = before.sensor();
        SensorReading after =
                new SensorReading(
                        normal(customer(1), minute(1), 221, 1_001).reading(),
                        new Sensor(
                                s.id(),
                                s.kind(),
                                s.districtId(),
                                OTHER_TR,
                                s.location(),
                                s.heartbeatSec()));
        h.processElement(before, before.ts());
        h.processElement(after, after.ts());
        h.processElement(after, after.ts());

        assertThat(h.extractOutputValues())
                .extracting(SensorReading::subjectId, MeterDeparture::is, SensorReading::ts)
                .containsExactly(
                        tuple(TR, false, minute(0)),
                        tuple(TR, true, minute(1)),
                        tuple(OTHER_TR, false, minute(1)),
                        tuple(OTHER_TR, false, minute(1)));
        h.close();
    }
}
