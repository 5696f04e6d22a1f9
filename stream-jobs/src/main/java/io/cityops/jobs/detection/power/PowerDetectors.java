package io.cityops.jobs.detection.power;

import io.cityops.jobs.detection.DetectorOutputs;
import io.cityops.jobs.detection.ReadingsBySensor;
import io.cityops.jobs.detection.SensorReading;
import io.cityops.jobs.detection.SharedKeyBy;
import io.cityops.model.Signal;
import io.cityops.model.city.CityModel;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The power domain's detectors (DOMAIN.md, "Power"), keyed by transformer (a meter's subject):
 * transformer outages ({@code power.outage}), the voltage band ({@code power.voltage}), the hourly
 * energy balance with losses ({@code power.loss}, {@code power.transformer} aggregates) and tamper
 * suspects ({@code power.tamper}). The outage and voltage detectors take a meter's readings in
 * arrival order and drop one older than the meter's newest, so the input must keep each sensor's
 * readings in order (Kafka keys them by sensor id; nothing between the source and here may
 * rebalance; the keyBy by meter in front of {@link MeterMoveFunction} keeps it). A meter whose
 * readings start naming another transformer is dropped from its old transformer's state by a {@link
 * MeterDeparture} that {@link MeterMoveFunction} sends there.
 */
public final class PowerDetectors {
    private PowerDetectors() {}

    public static DetectorOutputs attach(
            DataStream<SensorReading> readings, CityModel city, PowerParams params) {
        return attach(ReadingsBySensor.keyBy(readings), city, params);
    }

    /**
     * As {@link #attach(DataStream, CityModel, PowerParams)}, with the readings' partitioning by
     * sensor id kept: the meter filter runs at the readings' parallelism (so it chains and keeps
     * each meter's order) and {@link MeterMoveFunction} takes its output keyed by meter without a
     * shuffle when the readings are already partitioned by sensor.
     */
    public static DetectorOutputs attach(
            ReadingsBySensor readings, CityModel city, PowerParams params) {
        TransformerMeters roll = new TransformerMeters(city);
        ReadingsBySensor meters =
                readings.filter(new PowerMeterFilter(), "power meters only", "power-meters-only");
        SingleOutputStreamOperator<SensorReading> followed =
                meters.keyed()
                        .process(
                                new MeterMoveFunction(params.forgetAfter()),
                                TypeInformation.of(SensorReading.class))
                        .name("power meter moves")
                        .uid("power-meter-moves");
        if (readings.stream().getParallelism() > 0) {
            followed.setParallelism(readings.stream().getParallelism());
        }
        // Three detectors keyed by transformer: one shuffle for the three.
        KeyedStream<SensorReading, String> byTransformer =
                SharedKeyBy.keyBy(
                        followed,
                        SensorReading::subjectId,
                        "power meters by transformer",
                        "power-meters-by-transformer");
        SingleOutputStreamOperator<Signal> outages =
                byTransformer
                        .process(
                                new TransformerOutageFunction(roll, params),
                                TypeInformation.of(Signal.class))
                        .name("power transformer outages")
                        .uid("power-transformer-outages");
        SingleOutputStreamOperator<Signal> voltage =
                byTransformer
                        .process(
                                new VoltageBandFunction(roll, params),
                                TypeInformation.of(Signal.class))
                        .name("power voltage band")
                        .uid("power-voltage-band");
        SingleOutputStreamOperator<Signal> energy =
                byTransformer
                        .process(
                                new EnergyBalanceFunction(roll, params),
                                TypeInformation.of(Signal.class))
                        .name("power energy balance")
                        .uid("power-energy-balance");
        return new DetectorOutputs(
                outages.union(voltage, energy),
                energy.getSideOutput(EnergyBalanceFunction.AGGREGATES));
    }
}
