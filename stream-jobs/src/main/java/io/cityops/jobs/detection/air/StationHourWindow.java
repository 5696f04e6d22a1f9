package io.cityops.jobs.detection.air;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Turns a station's summed hour into its {@link StationHour} of means, stamped with the hour. */
public final class StationHourWindow
        extends ProcessWindowFunction<HourSums, StationHour, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(
            String stationId, Context ctx, Iterable<HourSums> sums, Collector<StationHour> out) {
        for (HourSums s : sums) {
            out.collect(
                    new StationHour(
                            stationId,
                            s.districtId,
                            ctx.window().getStart(),
                            s.mean(Pollutant.PM25),
                            s.mean(Pollutant.PM10),
                            s.mean(Pollutant.O3),
                            s.mean(Pollutant.CO),
                            s.mean(Pollutant.NO2),
                            s.mean(Pollutant.SO2),
                            s.readings));
        }
    }
}
