package io.cityops.jobs.detection.power;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Metric;
import io.cityops.model.Signal;
import io.cityops.model.city.SensorKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link VoltageBand} per transformer (keyed by transformer id) over its customer meters'
 * voltages. Durations are event time, per meter by its own readings (a meter's readings arrive in
 * order: Kafka keys them by sensor); an older reading of a meter is ignored. Meters not heard for
 * {@code forgetAfter} are dropped by an event-time cleanup timer (one per transformer and hour),
 * and a transformer with no meters left keeps no state.
 */
public final class VoltageBandFunction extends KeyedProcessFunction<String, SensorReading, Signal> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(VoltageBandFunction.class);
    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final TransformerMeters roll;
    private final PowerParams params;
    private final VoltageBand band;

    private transient MapState<String, MeterVoltage> meters;
    private transient ValueState<TransformerVoltage> transformer;
    private transient ValueState<String> district;

    public VoltageBandFunction(TransformerMeters roll, PowerParams params) {
        this.roll = roll;
        this.params = params;
        this.band = new VoltageBand(params);
    }

    @Override
    public void open(OpenContext openContext) {
        meters =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "voltage-meters",
                                        Types.STRING,
                                        TypeInformation.of(MeterVoltage.class)));
        transformer =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "voltage-transformer",
                                        TypeInformation.of(TransformerVoltage.class)));
        district =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("voltage-district", Types.STRING));
    }

    @Override
    public void processElement(SensorReading r, Context ctx, Collector<Signal> out)
            throws Exception {
        double v = r.reading().value(Metric.VOLTAGE_V);
        if (r.sensor().kind() != SensorKind.CUSTOMER_METER || !Double.isFinite(v)) {
            return;
        }
        MeterVoltage prev = meters.get(r.sensorId());
        if (prev != null && r.ts() <= prev.lastTs()) {
            return;
        }
        boolean gasp = r.reading().value(Metric.LAST_GASP) >= 0.5;
        meters.put(r.sensorId(), band.meter(prev, r.ts(), v, gasp));
        if (district.value() == null) {
            district.update(roll.district(ctx.getCurrentKey(), r.districtId()));
        }
        ctx.timerService()
                .registerEventTimeTimer(
                        Math.floorDiv(r.ts(), HOUR) * HOUR
                                + HOUR
                                + params.forgetAfter().toMillis());

        Map<String, MeterVoltage> all = new HashMap<>();
        for (Map.Entry<String, MeterVoltage> e : meters.entries()) {
            all.put(e.getKey(), e.getValue());
        }
        TransformerVoltage tv = transformer.value();
        VoltageBand.Step step =
                band.decide(
                        tv == null ? TransformerVoltage.INITIAL : tv,
                        all,
                        r.sensorId(),
                        roll.count(ctx.getCurrentKey(), all.keySet()),
                        ctx.getCurrentKey(),
                        district.value(),
                        r.ts());
        step.meters().forEach(this::put);
        if (step.transformer().equals(TransformerVoltage.INITIAL)) {
            transformer.clear();
        } else {
            transformer.update(step.transformer());
        }
        step.signals().forEach(s -> emit(s, out));
    }

    private void put(String id, MeterVoltage m) {
        try {
            meters.put(id, m);
        } catch (Exception e) {
            throw new IllegalStateException("cannot update voltage state of " + id, e);
        }
    }

    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<Signal> out) throws Exception {
        long horizon = t - params.forgetAfter().toMillis();
        List<String> gone = new ArrayList<>();
        for (Map.Entry<String, MeterVoltage> e : meters.entries()) {
            if (e.getValue().lastTs() < horizon) {
                gone.add(e.getKey());
            }
        }
        for (String id : gone) {
            MeterVoltage m = meters.get(id);
            if (m.raised()) {
                emit(band.forgotten(id, m, district.value(), t), out);
            }
            meters.remove(id);
        }
        if (meters.isEmpty()) {
            transformer.clear(); // nothing left to hold a transformer-level signal up
            district.clear();
        }
    }

    private void emit(Signal s, Collector<Signal> out) {
        LOG.info(
                "{} {} {} ({})",
                s.type(),
                s.action(),
                s.subjectId(),
                s.attributes().getOrDefault("voltageV", s.attributes().get("metersOutside")));
        out.collect(s);
    }
}
