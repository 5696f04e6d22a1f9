package io.cityops.alerting.lifecycle;

import io.cityops.model.Alert;
import io.cityops.model.AlertCommand;
import io.cityops.model.Signal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link AlertLifecycle} per correlation group: signals (input 1) and commands (input 2)
 * keyed by the group of their alert id, the group's alerts and deadlines in keyed state, one
 * processing-time timer per distinct deadline, deleted when its reason goes. Timers and state are
 * checkpointed together, so after a restore each deadline fires once.
 *
 * <p>Processing time, because deadlines are about people (an unanswered alert must escalate on the
 * wall clock) and signals are too sparse for watermarks to advance reliably.
 */
public final class AlertLifecycleFunction
        extends KeyedCoProcessFunction<String, Signal, AlertCommand, Alert> {
    private static final long serialVersionUID = 2L;
    private static final Logger LOG = LoggerFactory.getLogger(AlertLifecycleFunction.class);

    public static final String REJECTED_COMMANDS_METRIC = "rejectedCommands";

    private final AlertLifecycle lifecycle;
    private final CommandRules commands;
    private transient MapState<String, Alert> alerts;
    private transient MapState<String, Pending> pending;
    private transient Counter rejected;

    public AlertLifecycleFunction(AlertLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.commands = new CommandRules(lifecycle);
    }

    @Override
    public void open(OpenContext openContext) {
        alerts =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "alerts", Types.STRING, TypeInformation.of(Alert.class)));
        pending =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "pending",
                                        Types.STRING,
                                        TypeInformation.of(Pending.class)));
        rejected = getRuntimeContext().getMetricGroup().counter(REJECTED_COMMANDS_METRIC);
    }

    @Override
    public void processElement1(Signal signal, Context ctx, Collector<Alert> out) throws Exception {
        IncidentGroup g = load();
        Set<Long> before = g.deadlines();
        long now = ctx.timerService().currentProcessingTime();
        store(g, before, ctx.timerService(), lifecycle.onSignal(g, signal, now), out);
    }

    @Override
    public void processElement2(AlertCommand command, Context ctx, Collector<Alert> out)
            throws Exception {
        IncidentGroup g = load();
        Set<Long> before = g.deadlines();
        long now = ctx.timerService().currentProcessingTime();
        CommandOutcome outcome = commands.apply(g, command, now);
        if (outcome.rejectionReason().isPresent()) {
            rejected.inc();
            LOG.warn(
                    "Rejected {} of alert {} by {}: {}",
                    command.type(),
                    command.alertId(),
                    command.actor(),
                    outcome.rejection());
            return;
        }
        store(g, before, ctx.timerService(), outcome.versions(), out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        IncidentGroup g = load();
        Set<Long> before = g.deadlines();
        before.remove(timestamp); // this timer is spent
        store(g, before, ctx.timerService(), lifecycle.onTime(g, timestamp), out);
    }

    private IncidentGroup load() throws Exception {
        Map<String, Alert> a = new HashMap<>();
        for (Map.Entry<String, Alert> e : alerts.entries()) {
            a.put(e.getKey(), e.getValue());
        }
        Map<String, Pending> p = new HashMap<>();
        for (Map.Entry<String, Pending> e : pending.entries()) {
            p.put(e.getKey(), e.getValue());
        }
        return new IncidentGroup(a, p);
    }

    private void store(
            IncidentGroup g,
            Set<Long> before,
            TimerService timers,
            List<Alert> versions,
            Collector<Alert> out)
            throws Exception {
        for (Alert v : versions) {
            out.collect(v);
            LOG.info(
                    "Alert {} v{} {} {} {}{} by {}",
                    v.alertId(),
                    v.version(),
                    v.change(),
                    v.severity(),
                    v.state(),
                    v.suppressed() ? " under " + v.parentId() : "",
                    v.actor());
        }
        for (String id : g.forgotten()) {
            alerts.remove(id);
            pending.remove(id);
        }
        // Rewriting the whole group is cheap: a group is one incident's handful of alerts.
        // An empty putAll would leave an empty map behind in the heap backend: keep state clean.
        if (!g.alerts().isEmpty()) {
            alerts.putAll(g.alerts());
        }
        Map<String, Pending> now = g.pendings();
        for (String id : new HashSet<>(keys(pending))) {
            if (!now.containsKey(id)) {
                pending.remove(id);
            }
        }
        if (!now.isEmpty()) {
            pending.putAll(now);
        }
        Set<Long> after = g.deadlines();
        for (long t : before) {
            if (!after.contains(t)) {
                timers.deleteProcessingTimeTimer(t);
            }
        }
        for (long t : after) {
            if (!before.contains(t)) {
                timers.registerProcessingTimeTimer(t);
            }
        }
    }

    private static Set<String> keys(MapState<String, Pending> state) throws Exception {
        Set<String> keys = new HashSet<>();
        for (String k : state.keys()) {
            keys.add(k);
        }
        return keys;
    }
}
