package io.cityops.jobs.detection.air;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A station's AQI, keyed by station: keeps its last 25 hourly means (the NowCast needs 12, the
 * daily AQI a local day), emits the hourly AQI of each hour as it arrives and the daily AQI at each
 * local day's end (an event-time timer). A station that goes quiet is forgotten 25 hours after its
 * last hour, by a timer moved with each hour.
 */
public final class StationAqiFunction
        extends KeyedProcessFunction<String, StationHour, AqiObservation> {
    private static final long serialVersionUID = 1L;

    /** Hours of history kept: a whole local day plus the hour being rated. */
    static final int KEPT_HOURS = 25;

    private final AqiStandardId standard;
    private final String dayZone;

    private transient ZoneId zone;
    private transient MapState<Long, StationHour> hours;
    private transient ValueState<Long> latest;

    public StationAqiFunction(AirParams params) {
        this.standard = params.standard();
        this.dayZone = params.dayZone();
    }

    @Override
    public void open(OpenContext openContext) {
        zone = ZoneId.of(dayZone);
        hours =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "station-hours",
                                        Types.LONG,
                                        TypeInformation.of(StationHour.class)));
        latest =
                getRuntimeContext().getState(new ValueStateDescriptor<>("latest-hour", Types.LONG));
    }

    @Override
    public void processElement(StationHour h, Context ctx, Collector<AqiObservation> out)
            throws Exception {
        Long before = latest.value();
        long newest = before == null ? h.hourStart() : Math.max(before, h.hourStart());
        if (newest - h.hourStart() >= KEPT_HOURS * StationHour.HOUR_MS) {
            return; // older than anything the NowCast or the day still needs
        }
        hours.put(h.hourStart(), h);
        if (before == null || newest != before) {
            if (before != null) {
                ctx.timerService().deleteEventTimeTimer(cleanupTime(before));
            }
            latest.update(newest);
            ctx.timerService().registerEventTimeTimer(cleanupTime(newest));
            forgetBefore(newest - (KEPT_HOURS - 1) * StationHour.HOUR_MS);
        }
        HourSeries series = HourSeries.of(hours.values(), h.hourStart(), NowCast.HOURS);
        standard.calculator()
                .hourly(series)
                .ifPresent(
                        r ->
                                out.collect(
                                        AqiObservation.ofStation(
                                                h.stationId(),
                                                h.districtId(),
                                                AqiObservation.HOURLY,
                                                h.hourStart(),
                                                r)));
        ctx.timerService().registerEventTimeTimer(LocalDays.endOfDay(h.hourStart(), zone) - 1);
    }

    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<AqiObservation> out)
            throws Exception {
        Long newest = latest.value();
        if (newest == null) {
            return;
        }
        if (t == cleanupTime(newest)) {
            hours.clear();
            latest.clear();
            return;
        }
        long dayStart = LocalDays.startOfDay(t, zone);
        int dayHours = (int) ((t + 1 - dayStart) / StationHour.HOUR_MS);
        List<StationHour> day = new ArrayList<>();
        for (StationHour h : hours.values()) {
            if (h.hourStart() >= dayStart && h.hourStart() <= t) {
                day.add(h);
            }
        }
        if (day.isEmpty()) {
            return;
        }
        StationHour any = day.get(0);
        Optional<AqiResult> daily =
                standard.calculator()
                        .daily(HourSeries.of(day, t + 1 - StationHour.HOUR_MS, dayHours));
        daily.ifPresent(
                r ->
                        out.collect(
                                AqiObservation.ofStation(
                                        any.stationId(),
                                        any.districtId(),
                                        AqiObservation.DAILY,
                                        dayStart,
                                        r)));
    }

    private void forgetBefore(long oldestKept) throws Exception {
        List<Long> old = new ArrayList<>();
        for (Long start : hours.keys()) {
            if (start < oldestKept) {
                old.add(start);
            }
        }
        for (Long start : old) {
            hours.remove(start);
        }
    }

    /** On the hour, so it never coincides with a day-end timer (…:59:59.999). */
    static long cleanupTime(long latestHourStart) {
        return latestHourStart + KEPT_HOURS * StationHour.HOUR_MS;
    }
}
