package io.cityops.jobs.detection.air;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A district's AQI, keyed by district: the highest of its stations' AQIs for the same hour or day.
 * Station AQIs carry their window's last millisecond as timestamp, so every station's value for a
 * window has arrived when the watermark reaches it; an event-time timer there emits the district's
 * value and forgets the window. A station value behind the watermark is counted and dropped.
 */
public final class DistrictAqiFunction
        extends KeyedProcessFunction<String, AqiObservation, AqiObservation> {
    private static final long serialVersionUID = 1L;

    private transient MapState<String, AqiObservation> worst;
    private transient Counter late;

    @Override
    public void open(OpenContext openContext) {
        worst =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "district-worst-station",
                                        Types.STRING,
                                        TypeInformation.of(AqiObservation.class)));
        late = getRuntimeContext().getMetricGroup().counter("lateStationAqi");
    }

    @Override
    public void processElement(AqiObservation station, Context ctx, Collector<AqiObservation> out)
            throws Exception {
        long end = ctx.timestamp();
        if (end <= ctx.timerService().currentWatermark()) {
            late.inc();
            return;
        }
        String slot = slot(end, station.window());
        AqiObservation current = worst.get(slot);
        if (current == null || station.isWorseThan(current)) {
            worst.put(slot, station);
        }
        ctx.timerService().registerEventTimeTimer(end);
    }

    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<AqiObservation> out)
            throws Exception {
        for (String window : new String[] {AqiObservation.HOURLY, AqiObservation.DAILY}) {
            String slot = slot(t, window);
            AqiObservation w = worst.get(slot);
            if (w != null) {
                worst.remove(slot);
                out.collect(w.asDistrict());
            }
        }
    }

    private static String slot(long end, String window) {
        return window + "@" + end;
    }

    long lateStationAqi() {
        return late.getCount();
    }
}
