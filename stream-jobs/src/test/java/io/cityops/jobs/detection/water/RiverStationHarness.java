package io.cityops.jobs.detection.water;

import static io.cityops.jobs.testing.RiverFixtures.minute;
import static io.cityops.jobs.testing.RiverFixtures.waterLevel;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.jobs.testing.RiverFixtures;
import io.cityops.model.Reading;
import io.cityops.model.Signal;
import io.cityops.model.city.Sensor;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * A {@link RiverLevelFunction} in an operator test harness, fed readings of the sample province's
 * gauges by minutes after {@link RiverFixtures#T0}.
 */
final class RiverStationHarness implements AutoCloseable {
    /** The level alarm alone: no rise in the scripts using it is fast enough for water.rise. */
    static final RiverLevelParams LEVEL_ONLY =
            new RiverLevelParams(20, java.time.Duration.ofMinutes(10), 100_000);

    /** A spare gauge at Mường Tè, beside {@link RiverFixtures#MUONG_TE_GAUGE}. */
    static final Sensor MUONG_TE_SPARE = spare("wl-107-muongte-b");

    final RiverLevelFunction function;
    final KeyedOneInputStreamOperatorTestHarness<String, SensorReading, Signal> harness;

    RiverStationHarness(RiverLevelParams params) throws Exception {
        this(params, null);
    }

    /** Restored from {@code snapshot} (when not null) before it opens. */
    RiverStationHarness(RiverLevelParams params, OperatorSubtaskState snapshot) throws Exception {
        function = new RiverLevelFunction(RiverFixtures.city(), params);
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(function),
                        RiverLevelDetectors.BY_STATION,
                        Types.STRING);
        harness.setup();
        if (snapshot != null) {
            harness.initializeState(snapshot);
        }
        harness.open();
    }

    static Sensor sensor(String id) {
        return RiverFixtures.city().sensor(id).orElseThrow();
    }

    private static Sensor spare(String id) {
        Sensor first = sensor(RiverFixtures.MUONG_TE_GAUGE);
        return new Sensor(
                id,
                first.kind(),
                first.districtId(),
                RiverFixtures.MUONG_TE_STATION,
                first.location(),
                first.heartbeatSec());
    }

    /** A reading of Mường Tè's gauge. */
    RiverStationHarness gauge(double minutes, double levelCm) throws Exception {
        return reading(sensor(RiverFixtures.MUONG_TE_GAUGE), minutes, levelCm);
    }

    /** A reading of {@code gauge}, stamped with its event time as the job does. */
    RiverStationHarness reading(Sensor gauge, double minutes, double levelCm) throws Exception {
        Reading r = waterLevel(gauge.id(), minutes, levelCm);
        harness.processElement(new SensorReading(r, gauge), r.ts());
        return this;
    }

    RiverStationHarness watermarkAt(double minutes) throws Exception {
        harness.processWatermark(minute(minutes));
        return this;
    }

    /** The signals emitted so far. */
    List<Signal> signals() {
        return harness.extractOutputValues();
    }

    /** The signals emitted so far as records: value and timestamp. */
    List<StreamRecord<? extends Signal>> records() {
        return harness.extractOutputStreamRecords();
    }

    /** The readings set aside as late, by event time. */
    List<Long> late() {
        var late = harness.getSideOutput(RiverLevelFunction.LATE);
        return late == null ? List.of() : late.stream().map(r -> r.getValue().ts()).toList();
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
