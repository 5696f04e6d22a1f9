package io.cityops.jobs.detection.aggregates;

import io.cityops.model.Aggregate;
import java.util.Map;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Stamps a window's {@link MetricStats} with its subject and window, giving the {@link Aggregate}
 * of kind {@code sensor} (subject = the key, a sensor id) or {@code district} (subject = the
 * district). A district summary without a district is skipped rather than failing the task (and,
 * with it, the job on every restart).
 */
public final class AggregateWindowFunction
        extends ProcessWindowFunction<MetricStats, Aggregate, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String window;

    /**
     * @param kind {@link GenericAggregates#SENSOR} or {@link GenericAggregates#DISTRICT}
     * @param window the window's configuration spelling, {@code 1m} or {@code 1h}
     */
    public AggregateWindowFunction(String kind, String window) {
        this.kind = kind;
        this.window = window;
    }

    @Override
    public void process(
            String key, Context ctx, Iterable<MetricStats> stats, Collector<Aggregate> out) {
        for (MetricStats s : stats) {
            String subject = kind.equals(GenericAggregates.DISTRICT) ? s.districtId : key;
            if (subject == null) {
                continue; // no district to file it under (GenericAggregates filters these out)
            }
            out.collect(
                    new Aggregate(
                            kind,
                            subject,
                            s.domain,
                            s.districtId,
                            window,
                            ctx.window().getStart(),
                            s.values(),
                            Map.of()));
        }
    }
}
