package io.cityops.jobs.detection.rain;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Aggregate;
import io.cityops.model.Domain;
import io.cityops.model.Metric;
import io.cityops.model.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Rolling 1 h / 3 h / 24 h rain sums per gauge (keyed by sensor id) in event time, with the {@link
 * RainAlarm}. Readings' {@code rainfallMm} go into buckets (default 10 minutes) in keyed state;
 * when the watermark passes a bucket's end an event-time timer sums the buckets, steps the alarm
 * and, at each hour's end, emits a {@code rain.station} aggregate to {@link #AGGREGATES}. While any
 * rain is remembered (or an alert is raised) the timer re-arms every bucket, so sums decay and
 * alerts clear even when the gauge goes quiet; once the last bucket is a day old and the alert
 * idle, the state is dropped. Readings at or behind the watermark go to {@link #LATE} and are
 * counted.
 */
public final class RainAccumulationFunction
        extends KeyedProcessFunction<String, SensorReading, Signal> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RainAccumulationFunction.class);

    public static final OutputTag<Aggregate> AGGREGATES =
            new OutputTag<>("rain-aggregates", TypeInformation.of(Aggregate.class));
    public static final OutputTag<SensorReading> LATE =
            new OutputTag<>("late-rain-readings", TypeInformation.of(SensorReading.class));

    private final RainParams params;
    private final RainAlarm alarm;
    private final long bucketMs;

    private transient MapState<Long, Double> buckets;
    private transient ValueState<Integer> raisedMask;
    private transient ValueState<RainGaugeState> gauge;
    private transient Counter late;

    public RainAccumulationFunction(RainParams params) {
        this.params = params;
        this.alarm = new RainAlarm(params);
        this.bucketMs = params.bucket().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        buckets =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("rain-buckets", Types.LONG, Types.DOUBLE));
        raisedMask =
                getRuntimeContext().getState(new ValueStateDescriptor<>("rain-alarm", Types.INT));
        gauge =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "rain-gauge", TypeInformation.of(RainGaugeState.class)));
        late = getRuntimeContext().getMetricGroup().counter("lateReadings");
    }

    @Override
    public void processElement(SensorReading r, Context ctx, Collector<Signal> out)
            throws Exception {
        if (r.ts() <= ctx.timerService().currentWatermark()) {
            late.inc();
            ctx.output(LATE, r);
            return;
        }
        long bucket = RainBuckets.bucketOf(r.ts(), bucketMs);
        double mm = r.reading().value(Metric.RAINFALL_MM);
        Double before = buckets.get(bucket);
        // A dry reading leaves a 0 mm bucket: it marks the bucket pending until its timer.
        double add = mm > 0 ? mm : 0;
        buckets.put(bucket, before == null ? add : before + add);
        RainGaugeState g = gauge.value();
        if (g == null || g.lastSeen() < r.ts() || !Objects.equals(g.districtId(), r.districtId())) {
            gauge.update(
                    new RainGaugeState(
                            r.districtId(), g == null ? r.ts() : Math.max(g.lastSeen(), r.ts())));
        }
        ctx.timerService().registerEventTimeTimer(bucket + bucketMs - 1);
        // The hour's end too, for its aggregate, even if the gauge reports less often than a
        // bucket.
        long hour = RainBuckets.bucketOf(r.ts(), RainBuckets.HOUR_MS);
        ctx.timerService().registerEventTimeTimer(hour + RainBuckets.HOUR_MS - 1);
    }

    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<Signal> out) throws Exception {
        boolean pending = forget(t + 1 - 24 * RainBuckets.HOUR_MS, t);
        RainSums sums = RainBuckets.sums(buckets.entries(), t);
        String gaugeId = ctx.getCurrentKey();
        RainGaugeState g = gauge.value();
        String districtId = g == null ? null : g.districtId();
        Integer before = raisedMask.value();
        RainAlarm.Step step =
                alarm.onSums(before == null ? 0 : before, sums, gaugeId, districtId, t);
        step.signal()
                .ifPresent(
                        s -> {
                            LOG.info("{} {} {}: {}", s.type(), s.action(), gaugeId, s.message());
                            out.collect(s);
                        });
        long hourStart = t + 1 - RainBuckets.HOUR_MS;
        if ((t + 1) % RainBuckets.HOUR_MS == 0 && g != null && g.lastSeen() >= hourStart) {
            ctx.output(AGGREGATES, aggregate(gaugeId, districtId, hourStart, sums));
        }
        if (step.mask() != 0) {
            raisedMask.update(step.mask());
        } else {
            raisedMask.clear();
        }
        boolean rainRemembered = !sums.isZero();
        if (rainRemembered || step.mask() != 0) {
            ctx.timerService().registerEventTimeTimer(t + bucketMs);
        } else if (!pending) {
            gauge.clear(); // nothing remembered and nothing waiting: the gauge costs no state
        }
    }

    /**
     * Drops buckets older than a day and dry buckets already evaluated; true when buckets after
     * {@code t} (readings ahead of the watermark) remain.
     */
    private boolean forget(long oldestStart, long t) throws Exception {
        List<Long> drop = new ArrayList<>();
        boolean pending = false;
        for (Map.Entry<Long, Double> b : buckets.entries()) {
            long start = b.getKey();
            if (start > t) {
                pending = true;
            } else if (start < oldestStart || b.getValue() == 0) {
                drop.add(start);
            }
        }
        for (Long start : drop) {
            buckets.remove(start);
        }
        return pending;
    }

    private static Aggregate aggregate(
            String gauge, String districtId, long hourStart, RainSums s) {
        return new Aggregate(
                "rain.station",
                gauge,
                Domain.ENVIRONMENT,
                districtId,
                "1h",
                hourStart,
                Map.of(
                        "rain1hMm", s.rain1hMm(),
                        "rain3hMm", s.rain3hMm(),
                        "rain24hMm", s.rain24hMm()),
                Map.of());
    }

    long lateReadings() {
        return late.getCount();
    }
}
