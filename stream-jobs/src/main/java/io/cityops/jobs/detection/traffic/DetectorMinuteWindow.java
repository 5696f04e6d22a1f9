package io.cityops.jobs.detection.traffic;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Stamps a detector's minute sums with its sensor id and the minute they cover. */
public final class DetectorMinuteWindow
        extends ProcessWindowFunction<MinuteSums, DetectorMinute, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(
            String sensorId,
            Context ctx,
            Iterable<MinuteSums> sums,
            Collector<DetectorMinute> out) {
        for (MinuteSums s : sums) {
            out.collect(DetectorMinute.of(sensorId, ctx.window().getStart(), s));
        }
    }
}
