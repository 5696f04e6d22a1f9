package io.cityops.jobs.coverage;

import io.cityops.jobs.coverage.geo.ForestCoverage;
import io.cityops.jobs.coverage.geo.HexCells;
import io.cityops.jobs.coverage.kpi.KpiBoard;
import io.cityops.jobs.coverage.kpi.SuddenDropWatch;
import io.cityops.jobs.coverage.kpi.TargetWatch;
import io.cityops.jobs.coverage.liveness.SensorStatus;
import io.cityops.model.Signal;
import io.cityops.model.city.CityModel;
import io.cityops.model.kpi.Kpi;
import io.cityops.model.kpi.KpiTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The province's KPIs from sensor status changes (one key for the whole province): emits the KPIs a
 * change moved, every KPI again each {@code emitInterval} (with the province's table in the log),
 * and signals to {@link #SIGNALS}. Signals wait for a warm-up after each start, while sensors
 * announce themselves and overdue silence timers of a restored job fire.
 */
public final class CoverageFunction extends KeyedProcessFunction<String, SensorStatus, Kpi> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CoverageFunction.class);

    /** The one key all status changes are sent to. */
    public static final String PROVINCE_KEY = "province";

    public static final OutputTag<Signal> SIGNALS =
            new OutputTag<>("coverage-signals", TypeInformation.of(Signal.class));

    private final CityModel city;
    private final CoverageParams params;

    private transient ValueState<CoverageMemory> memory;
    private transient ValueState<Long> nextTick;
    private transient KpiBoard board;
    private transient TargetWatch targets;
    private transient SuddenDropWatch drops;
    private transient Map<String, Kpi> lastSent;
    private transient long latestEventTime;
    private transient long warmEnd;
    private transient boolean restored;

    public CoverageFunction(CityModel city, CoverageParams params) {
        this.city = city;
        this.params = params;
    }

    @Override
    public void open(OpenContext openContext) {
        memory =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "coverage", TypeInformation.of(CoverageMemory.class)));
        nextTick = getRuntimeContext().getState(new ValueStateDescriptor<>("nextTick", Types.LONG));
        long start = System.nanoTime();
        ForestCoverage forest = ForestCoverage.of(city, new HexCells(params.h3Resolution()));
        LOG.info(
                "coverage grid: {} forest zones, {} H3 cells at resolution {}, built in {} ms",
                forest.zones().size(),
                forest.grid().cellCount(),
                params.h3Resolution(),
                (System.nanoTime() - start) / 1_000_000);
        board = new KpiBoard(city, forest, params.requiredDomains());
        lastSent = new HashMap<>();
        restored = false;
    }

    @Override
    public void processElement(SensorStatus status, Context ctx, Collector<Kpi> out)
            throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        restore(ctx);
        boolean warm = now >= warmEnd;
        board.setReporting(status.sensorId(), status.reporting());
        latestEventTime = Math.max(latestEventTime, status.eventTime());
        drops.onStatus(status.sensorId(), status.reporting(), status.eventTime(), warm)
                .ifPresent(s -> signal(ctx, s));
        for (Kpi k : board.snapshot(status.eventTime())) {
            Kpi before = lastSent.get(k.id());
            if (before == null
                    || before.numerator() != k.numerator()
                    || before.denominator() != k.denominator()) {
                out.collect(k);
                lastSent.put(k.id(), k);
                if (warm) {
                    targets.check(k).ifPresent(s -> signal(ctx, s));
                }
            }
        }
        save();
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Kpi> out) throws Exception {
        restore(ctx);
        long now = ctx.timerService().currentProcessingTime();
        long at = latestEventTime > 0 ? latestEventTime : now;
        List<Kpi> all = board.snapshot(at);
        Long tick = nextTick.value();
        if (tick != null && timestamp >= tick) {
            all.forEach(out::collect);
            all.forEach(k -> lastSent.put(k.id(), k));
            LOG.info("{}", KpiTable.render(board.provinceName(), all, at));
            scheduleTick(ctx, now);
        }
        if (now >= warmEnd) {
            all.forEach(k -> targets.check(k).ifPresent(s -> signal(ctx, s)));
        }
        save();
    }

    private void restore(Context ctx) throws Exception {
        if (restored) {
            return;
        }
        CoverageMemory m = memory.value() == null ? CoverageMemory.EMPTY : memory.value();
        m.reporting().forEach(id -> board.setReporting(id, true));
        targets = new TargetWatch(city, params.targetMarginPct(), m.belowTarget());
        drops =
                new SuddenDropWatch(
                        city,
                        params.suddenDropWindow(),
                        params.suddenDropMinStations(),
                        m.silentSince(),
                        java.util.Set.copyOf(m.suddenDropZones()));
        latestEventTime = m.latestEventTime();
        long now = ctx.timerService().currentProcessingTime();
        warmEnd = now + params.warmUp().toMillis();
        ctx.timerService().registerProcessingTimeTimer(warmEnd);
        Long tick = nextTick.value();
        if (tick == null || tick < now) {
            scheduleTick(ctx, now);
        } else {
            ctx.timerService().registerProcessingTimeTimer(tick); // idempotent after a restore
        }
        restored = true;
    }

    private void scheduleTick(Context ctx, long now) throws Exception {
        long next = now + params.emitInterval().toMillis();
        nextTick.update(next);
        ctx.timerService().registerProcessingTimeTimer(next);
    }

    private void signal(Context ctx, Signal s) {
        LOG.info("coverage signal {} {} {}: {}", s.type(), s.action(), s.subjectId(), s.message());
        ctx.output(SIGNALS, s);
    }

    private void save() throws Exception {
        memory.update(
                new CoverageMemory(
                        List.copyOf(board.reporting()),
                        List.copyOf(targets.below()),
                        drops.silentSince(),
                        List.copyOf(drops.raisedZones()),
                        latestEventTime));
    }
}
