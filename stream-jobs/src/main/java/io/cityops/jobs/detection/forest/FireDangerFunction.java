package io.cityops.jobs.detection.forest;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Aggregate;
import io.cityops.model.Metric;
import io.cityops.model.Reading;
import io.cityops.model.Signal;
import io.cityops.model.city.CityModel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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
 * Runs {@link FireDangerWatch} per forest zone (keyed by zone id): gathers each local day's rain
 * and 13:00 observations per station, closes the day when the watermark passes its end (emitting
 * the day's {@code forest.zone} aggregate, and a {@code forest.fire-danger} signal on {@link
 * #SIGNALS} when the level crosses III or changes above it). Readings of a day already closed are
 * counted as late and dropped. A zone silent for the forget period loses its index.
 */
public final class FireDangerFunction
        extends KeyedProcessFunction<String, SensorReading, Aggregate> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(FireDangerFunction.class);

    /** The fire-danger signals, beside the main output of daily aggregates. */
    public static final OutputTag<Signal> SIGNALS =
            new OutputTag<>("forest-fire-danger-signals", TypeInformation.of(Signal.class));

    /** DOMAIN.md: the index is read at 13:00 local time. */
    static final LocalTime OBSERVATION_TIME = LocalTime.of(13, 0);

    private final ForestZones zones;
    private final ForestParams params;
    private final FireDangerWatch watch;

    private transient ValueState<FireDangerState> danger;
    private transient ValueState<String> district;
    private transient MapState<Long, ZoneDay> days;
    private transient Counter late;

    public FireDangerFunction(CityModel city, ForestParams params) {
        this.zones = new ForestZones(city);
        this.params = params;
        this.watch = new FireDangerWatch(params);
    }

    @Override
    public void open(OpenContext openContext) {
        danger =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "fire-danger", TypeInformation.of(FireDangerState.class)));
        district =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("zone-district", Types.STRING));
        days =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "zone-days",
                                        Types.LONG,
                                        TypeInformation.of(ZoneDay.class)));
        late = getRuntimeContext().getMetricGroup().counter("lateFireDangerReadings");
    }

    @Override
    public void processElement(SensorReading r, Context ctx, Collector<Aggregate> out)
            throws Exception {
        ZoneId tz = params.timeZone();
        LocalDate date = Instant.ofEpochMilli(r.ts()).atZone(tz).toLocalDate();
        long dayStart = date.atStartOfDay(tz).toInstant().toEpochMilli();
        long closeAt = date.plusDays(1).atStartOfDay(tz).toInstant().toEpochMilli() - 1;
        if (closeAt <= ctx.timerService().currentWatermark()) {
            late.inc(); // its day is closed: the index has moved on
            return;
        }
        ZoneDay day = days.get(dayStart);
        if (day == null) {
            long noon13 = date.atTime(OBSERVATION_TIME).atZone(tz).toInstant().toEpochMilli();
            day = new ZoneDay(noon13, Map.of());
        }
        Reading reading = r.reading();
        StationDay station =
                day.station(r.sensorId())
                        .with(
                                reading.value(Metric.RAINFALL_MM),
                                r.ts() - day.noon13(),
                                params.observationTolerance().toMillis(),
                                reading.value(Metric.TEMPERATURE_C),
                                reading.value(Metric.HUMIDITY_PCT),
                                reading.value(Metric.DEW_POINT_C));
        days.put(dayStart, day.with(r.sensorId(), station));
        if (district.value() == null) {
            district.update(zones.district(ctx.getCurrentKey(), r.districtId()));
        }
        ctx.timerService().registerEventTimeTimer(closeAt);
    }

    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<Aggregate> out) throws Exception {
        String zoneId = ctx.getCurrentKey();
        FireDangerState before = danger.value() == null ? FireDangerState.INITIAL : danger.value();
        long dayStart = dayStartOfCloseTime(t);
        ZoneDay day = days.get(dayStart);
        if (day != null) {
            days.remove(dayStart);
            FireDangerWatch.Step step =
                    watch.onDay(
                            before, zoneId, zones.name(zoneId), district.value(), dayStart, day);
            out.collect(step.aggregate());
            step.signal().ifPresent(s -> emit(s, ctx));
            if (before.lastDayStart() != Long.MIN_VALUE) {
                long oldForget = forgetTime(before);
                if (oldForget > t) {
                    ctx.timerService().deleteEventTimeTimer(oldForget);
                }
            }
            danger.update(step.state());
            ctx.timerService().registerEventTimeTimer(forgetTime(step.state()));
        } else if (danger.value() != null && t >= forgetTime(before) && days.isEmpty()) {
            watch.onForget(before, zoneId, zones.name(zoneId), district.value(), t)
                    .ifPresent(s -> emit(s, ctx));
            danger.clear();
            district.clear();
        }
    }

    private void emit(Signal s, OnTimerContext ctx) {
        LOG.info(
                "{} {} {} level {} nesterov {}",
                s.type(),
                s.action(),
                s.subjectId(),
                s.attributes().get("level"),
                s.attributes().get("nesterov"));
        ctx.output(SIGNALS, s);
    }

    /** The start of the local day whose close timer fires at {@code t} (its last millisecond). */
    private long dayStartOfCloseTime(long t) {
        ZoneId tz = params.timeZone();
        return Instant.ofEpochMilli(t)
                .atZone(tz)
                .toLocalDate()
                .atStartOfDay(tz)
                .toInstant()
                .toEpochMilli();
    }

    private long forgetTime(FireDangerState s) {
        ZoneId tz = params.timeZone();
        long closeAt =
                Instant.ofEpochMilli(s.lastDayStart())
                                .atZone(tz)
                                .toLocalDate()
                                .plusDays(1)
                                .atStartOfDay(tz)
                                .toInstant()
                                .toEpochMilli()
                        - 1;
        return closeAt + params.forgetAfter().toMillis();
    }

    /** Readings this instance has dropped because their day had closed. */
    long lateReadings() {
        return late.getCount();
    }
}
