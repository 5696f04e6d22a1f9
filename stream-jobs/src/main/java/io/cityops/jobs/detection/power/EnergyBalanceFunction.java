package io.cityops.jobs.detection.power;

import io.cityops.jobs.detection.EndOfInput;
import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Aggregate;
import io.cityops.model.Domain;
import io.cityops.model.Metric;
import io.cityops.model.Signal;
import io.cityops.model.city.SensorKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly energy balance of each transformer (keyed by transformer id): meters' cumulative
 * counters become per-hour energies ({@link MeterEnergy}); when the watermark passes the end of an
 * hour, the hour is balanced ({@link HourBalance}), written as a {@code power.transformer}
 * aggregate to {@link #AGGREGATES}, and judged for losses ({@link LossWatch}) and tamper suspects
 * ({@link TamperWatch}). Meters not heard for {@code forgetAfter} are dropped by the same hourly
 * timers, and a transformer with no meters left keeps no state.
 */
public final class EnergyBalanceFunction
        extends KeyedProcessFunction<String, SensorReading, Signal> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EnergyBalanceFunction.class);

    /** The hourly {@code power.transformer} aggregates. */
    public static final OutputTag<Aggregate> AGGREGATES =
            new OutputTag<>("power-transformer-hours", TypeInformation.of(Aggregate.class));

    public static final String KIND = "power.transformer";

    private final TransformerMeters roll;
    private final PowerParams params;
    private final LossWatch lossWatch;
    private final TamperWatch tamperWatch;

    private transient MapState<String, MeterEnergy> meters;
    private transient MapState<String, TamperState> tamper;
    private transient ValueState<LossState> loss;
    private transient ValueState<String> district;

    /** Customer meters the city model lists under this transformer that moved to another one. */
    private transient MapState<String, Long> departed;

    private transient Counter late;

    public EnergyBalanceFunction(TransformerMeters roll, PowerParams params) {
        this.roll = roll;
        this.params = params;
        this.lossWatch = new LossWatch(params);
        this.tamperWatch = new TamperWatch(params);
    }

    @Override
    public void open(OpenContext openContext) {
        meters =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "energy-meters",
                                        Types.STRING,
                                        TypeInformation.of(MeterEnergy.class)));
        tamper =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "tamper-meters",
                                        Types.STRING,
                                        TypeInformation.of(TamperState.class)));
        loss =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "loss", TypeInformation.of(LossState.class)));
        district =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("energy-district", Types.STRING));
        departed =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "energy-departed", Types.STRING, Types.LONG));
        late = getRuntimeContext().getMetricGroup().counter("lateEnergyReadings");
    }

    @Override
    public void processElement(SensorReading r, Context ctx, Collector<Signal> out)
            throws Exception {
        if (MeterDeparture.is(r)) {
            depart(r, out);
            return;
        }
        double wh = r.reading().value(Metric.ENERGY_WH);
        SensorKind kind = r.sensor().kind();
        if (!Double.isFinite(wh)
                || (kind != SensorKind.CUSTOMER_METER && kind != SensorKind.TRANSFORMER_METER)) {
            return;
        }
        if (r.ts() <= ctx.timerService().currentWatermark()) {
            late.inc(); // its hour may be balanced already; the counter chain still takes it
        }
        double reverse = r.reading().value(Metric.REVERSE_ENERGY_WH);
        MeterEnergy prev = meters.get(r.sensorId());
        if (prev != null && r.ts() <= prev.lastTs()) {
            return;
        }
        if (prev == null && departed.contains(r.sensorId())) {
            departed.remove(r.sensorId()); // moved back
        }
        meters.put(
                r.sensorId(),
                prev == null
                        ? MeterEnergy.first(kind == SensorKind.CUSTOMER_METER, r.ts(), wh, reverse)
                        : prev.take(r.ts(), wh, reverse));
        if (district.value() == null) {
            district.update(roll.district(ctx.getCurrentKey(), r.districtId()));
        }
        long hourEnd = MeterEnergy.hourOf(r.ts()) + MeterEnergy.HOUR - 1;
        ctx.timerService().registerEventTimeTimer(hourEnd);
        ctx.timerService().registerEventTimeTimer(hourEnd + params.forgetAfter().toMillis());
    }

    /**
     * The meter now reports under another transformer: it leaves this one's balance (a raised
     * tamper suspect is cleared with {@code reason=moved}), and a customer meter the city model
     * lists here is no longer expected in its hours.
     */
    private void depart(SensorReading marker, Collector<Signal> out) throws Exception {
        String id = marker.sensorId();
        boolean known = meters.contains(id);
        meters.remove(id);
        TamperState ts = tamper.get(id);
        if (ts != null && ts.raised()) {
            emit(tamperWatch.moved(id, ts, district.value(), marker.ts()), out);
        }
        tamper.remove(id);
        if (roll.customers(marker.subjectId()).contains(id) && (known || !meters.isEmpty())) {
            departed.put(id, marker.ts()); // (a transformer without state keeps none for it)
        }
    }

    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<Signal> out) throws Exception {
        String transformer = ctx.getCurrentKey();
        long hour = t + 1 - MeterEnergy.HOUR;
        List<MeterHour> transformerHours = new ArrayList<>();
        Map<String, MeterHour> customerHours = new LinkedHashMap<>();
        boolean any = false;
        List<String> customers = new ArrayList<>();
        for (Map.Entry<String, MeterEnergy> e : meters.entries()) {
            MeterEnergy m = e.getValue();
            MeterHour h = m.hour(hour);
            any |= h.present();
            if (m.customer()) {
                customers.add(e.getKey());
                customerHours.put(e.getKey(), h);
            } else {
                transformerHours.add(h);
            }
        }
        if (any) {
            balance(transformer, hour, transformerHours, customerHours, customers, ctx, out);
        }
        if (!EndOfInput.reached(ctx.timerService())) {
            // at the end of a bounded input nothing says the meters went away: keep what is raised
            forgetQuietMeters(transformer, t, out);
        }
    }

    private void balance(
            String transformer,
            long hour,
            List<MeterHour> transformerHours,
            Map<String, MeterHour> customerHours,
            List<String> customers,
            OnTimerContext ctx,
            Collector<Signal> out)
            throws Exception {
        HourBalance b =
                HourBalance.of(
                        hour,
                        transformerHours,
                        customerHours.values(),
                        roll.count(transformer, customers) - size(departed));
        String districtId = district.value();
        ctx.output(AGGREGATES, aggregate(transformer, districtId, b));

        LossState before = loss.value();
        LossWatch.Step step =
                lossWatch.onHour(
                        before == null ? LossState.INITIAL : before,
                        b,
                        transformer,
                        district.value());
        if (step.state().equals(LossState.INITIAL)) {
            loss.clear();
        } else {
            loss.update(step.state());
        }
        step.signal().ifPresent(s -> emit(s, out));

        Map<String, TamperState> states = new HashMap<>();
        for (String id : customerHours.keySet()) {
            TamperState s = tamper.get(id);
            if (s != null) {
                states.put(id, s);
            }
        }
        TamperWatch.Step t = tamperWatch.onHour(hour, customerHours, states, district.value());
        for (Map.Entry<String, TamperState> e : t.states().entrySet()) {
            tamper.put(e.getKey(), e.getValue());
        }
        t.signals().forEach(s -> emit(s, out));

        for (Map.Entry<String, MeterEnergy> e : meters.entries()) {
            MeterEnergy done = e.getValue().balanced(hour);
            if (done != e.getValue()) {
                e.setValue(done);
            }
        }
    }

    private static int size(MapState<String, Long> map) throws Exception {
        int n = 0;
        for (String ignored : map.keys()) {
            n++;
        }
        return n;
    }

    private static Aggregate aggregate(String transformer, String districtId, HourBalance b) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (!Double.isNaN(b.transformerWh())) {
            values.put("transformerWh", b.transformerWh());
        }
        values.put("customersWh", b.customersWh());
        if (!Double.isNaN(b.lossShare())) {
            values.put("lossShare", b.lossShare());
        }
        values.put("customersReported", (double) b.customersReported());
        values.put("customersExpected", (double) b.customersExpected());
        return new Aggregate(
                KIND,
                transformer,
                Domain.POWER,
                districtId,
                "1h",
                b.hour(),
                values,
                Map.of("complete", String.valueOf(b.complete())));
    }

    /**
     * Drops the meters not heard for {@code forgetAfter}. Raised state goes with them, each with a
     * CLEAR ({@code reason=forgotten}): a forgotten meter's {@code power.tamper}, and the
     * transformer's {@code power.loss} once no transformer meter is left to balance an hour.
     */
    private void forgetQuietMeters(String transformer, long t, Collector<Signal> out)
            throws Exception {
        long horizon = t - params.forgetAfter().toMillis();
        List<String> gone = new ArrayList<>();
        boolean transformerMeterLeft = false;
        for (Map.Entry<String, MeterEnergy> e : meters.entries()) {
            if (e.getValue().lastTs() <= horizon) {
                gone.add(e.getKey());
            } else if (!e.getValue().customer()) {
                transformerMeterLeft = true;
            }
        }
        if (gone.isEmpty() && !meters.isEmpty()) {
            return;
        }
        String districtId = district.value();
        for (String id : gone) {
            meters.remove(id);
            TamperState ts = tamper.get(id);
            if (ts != null && ts.raised()) {
                emit(tamperWatch.forgotten(id, ts, districtId, t), out);
            }
            tamper.remove(id);
        }
        LossState ls = loss.value();
        if (!transformerMeterLeft && ls != null && ls.raised()) {
            emit(lossWatch.forgotten(ls, transformer, districtId, t), out);
            loss.clear();
        }
        if (meters.isEmpty()) {
            for (Map.Entry<String, TamperState> e : tamper.entries()) {
                if (e.getValue().raised()) { // a suspect whose meter state went another way
                    emit(tamperWatch.forgotten(e.getKey(), e.getValue(), districtId, t), out);
                }
            }
            tamper.clear();
            loss.clear();
            district.clear();
            departed.clear();
        }
    }

    private void emit(Signal s, Collector<Signal> out) {
        LOG.info("{} {} {}: {}", s.type(), s.action(), s.subjectId(), s.message());
        out.collect(s);
    }
}
