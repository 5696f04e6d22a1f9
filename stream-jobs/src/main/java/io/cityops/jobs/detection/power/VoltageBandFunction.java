package io.cityops.jobs.detection.power;

import io.cityops.jobs.detection.EndOfInput;
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
 * and a transformer with no meters left keeps no state (a raised transformer-level signal is then
 * cleared with {@code reason=forgotten}). A reading costs O(1) state accesses: the number of meters
 * outside the band and of meters beyond the city model's roll are kept in {@link VoltageCounts},
 * updated from the changed meter alone; every meter is read only on a transformer-level RAISE or
 * CLEAR.
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
    private transient ValueState<VoltageCounts> counts;

    /** Meters the city model lists under this transformer that moved to another one. */
    private transient MapState<String, Long> departed;

    /** Passes over every meter of a transformer since open (the rare path; tests watch it). */
    private transient long fullScans;

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
        counts =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "voltage-counts", TypeInformation.of(VoltageCounts.class)));
        departed =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "voltage-departed", Types.STRING, Types.LONG));
    }

    @Override
    public void processElement(SensorReading r, Context ctx, Collector<Signal> out)
            throws Exception {
        if (r.sensor().kind() == SensorKind.CUSTOMER_METER && MeterDeparture.is(r)) {
            depart(r, out);
            return;
        }
        double v = r.reading().value(Metric.VOLTAGE_V);
        if (r.sensor().kind() != SensorKind.CUSTOMER_METER || !Double.isFinite(v)) {
            return;
        }
        MeterVoltage prev = meters.get(r.sensorId());
        if (prev != null && r.ts() <= prev.lastTs()) {
            return;
        }
        boolean gasp = r.reading().value(Metric.LAST_GASP) >= 0.5;
        String transformerId = ctx.getCurrentKey();
        MeterVoltage next = band.meter(prev, r.ts(), v, gasp);
        meters.put(r.sensorId(), next);
        if (district.value() == null) {
            district.update(roll.district(transformerId, r.districtId()));
        }
        ctx.timerService()
                .registerEventTimeTimer(
                        Math.floorDiv(r.ts(), HOUR) * HOUR
                                + HOUR
                                + params.forgetAfter().toMillis());

        VoltageCounts held = counts.value();
        VoltageCounts c;
        if (held == null) {
            c = recount(transformerId); // first meter, or state from before the counts were kept
        } else {
            int outsideDelta = (next.outside() ? 1 : 0) - (prev != null && prev.outside() ? 1 : 0);
            int unlistedDelta = prev == null && !listed(transformerId, r.sensorId()) ? 1 : 0;
            int departedDelta = 0;
            if (prev == null && departed.contains(r.sensorId())) { // moved back
                departed.remove(r.sensorId());
                departedDelta = -1;
            }
            c = held.plus(outsideDelta, unlistedDelta, departedDelta);
        }
        if (!c.equals(held)) {
            counts.update(c);
        }
        TransformerVoltage tv = transformer.value();
        VoltageBand.Step step =
                band.decide(
                        tv == null ? TransformerVoltage.INITIAL : tv,
                        c.outside(),
                        customers(transformerId, c),
                        r.sensorId(),
                        next,
                        this::allMeters,
                        transformerId,
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

    private boolean listed(String transformerId, String meterId) {
        return roll.customers(transformerId).contains(meterId);
    }

    private int customers(String transformerId, VoltageCounts c) {
        return roll.customers(transformerId).size() + c.unlisted() - c.departed();
    }

    /**
     * The meter now reports under another transformer: it leaves this one's state and counts (a
     * raised meter signal is cleared with {@code reason=moved}); the next reading re-decides the
     * transformer.
     */
    private void depart(SensorReading marker, Collector<Signal> out) throws Exception {
        String transformerId = marker.subjectId();
        String id = marker.sensorId();
        VoltageCounts c = counts.value();
        if (c == null) {
            c = recount(transformerId);
        }
        MeterVoltage m = meters.get(id);
        if (m != null) {
            if (m.raised()) {
                emit(band.moved(id, m, district.value(), marker.ts()), out);
            }
            meters.remove(id);
            c = c.plus(m.outside() ? -1 : 0, listed(transformerId, id) ? 0 : -1, 0);
        }
        if (listed(transformerId, id)
                && (m != null || !meters.isEmpty())
                && !departed.contains(id)) {
            departed.put(id, marker.ts());
            c = c.plus(0, 0, 1);
        }
        if (meters.isEmpty() && departed.isEmpty()) {
            counts.clear(); // a transformer without state keeps none for it
        } else {
            counts.update(c);
        }
    }

    /** The counts from scratch: one pass over the meters (a new transformer has one or none). */
    private VoltageCounts recount(String transformerId) throws Exception {
        fullScans++;
        int outside = 0;
        int unlisted = 0;
        int moved = 0;
        for (Map.Entry<String, MeterVoltage> e : meters.entries()) {
            outside += e.getValue().outside() ? 1 : 0;
            unlisted += listed(transformerId, e.getKey()) ? 0 : 1;
        }
        for (String ignored : departed.keys()) {
            moved++;
        }
        return new VoltageCounts(outside, unlisted, moved);
    }

    /** Every meter of the transformer: only for a transformer-level RAISE or CLEAR. */
    private Map<String, MeterVoltage> allMeters() {
        fullScans++;
        Map<String, MeterVoltage> all = new HashMap<>();
        try {
            for (Map.Entry<String, MeterVoltage> e : meters.entries()) {
                all.put(e.getKey(), e.getValue());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read voltage state", e);
        }
        return all;
    }

    /** Passes over every meter of a transformer since open. */
    long fullScans() {
        return fullScans;
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
        if (EndOfInput.reached(ctx.timerService())) {
            return; // the end of a bounded input says nothing of meters going away
        }
        long horizon = t - params.forgetAfter().toMillis();
        List<String> gone = new ArrayList<>();
        for (Map.Entry<String, MeterVoltage> e : meters.entries()) {
            if (e.getValue().lastTs() < horizon) {
                gone.add(e.getKey());
            }
        }
        if (gone.isEmpty() && !meters.isEmpty()) {
            return;
        }
        String transformerId = ctx.getCurrentKey();
        VoltageCounts c = counts.value();
        if (c == null) {
            c = recount(transformerId);
        }
        for (String id : gone) {
            MeterVoltage m = meters.get(id);
            if (m.raised()) {
                emit(band.forgotten(id, m, district.value(), t), out);
            }
            c = c.plus(m.outside() ? -1 : 0, listed(transformerId, id) ? 0 : -1, 0);
            meters.remove(id);
        }
        if (meters.isEmpty()) {
            TransformerVoltage tv = transformer.value();
            if (tv != null && tv.raised()) { // nothing left to clear it otherwise
                emit(
                        band.transformerForgotten(
                                transformerId, district.value(), customers(transformerId, c), t),
                        out);
            }
            transformer.clear();
            district.clear();
            counts.clear();
            departed.clear();
        } else {
            counts.update(c);
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
