package io.cityops.alerting.lifecycle;

import io.cityops.model.Alert;
import io.cityops.model.AlertState;
import io.cityops.model.Signal;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link AlertLifecycle} per alert id ({@link Signal#alertKey()}), keeping the alert's latest
 * version in state and emitting every new version. A cleared alert is forgotten one reopen window
 * after its CLEAR, by a processing-time timer that is deleted when the alert reopens first.
 *
 * <p>Processing time, because signals are sparse (one per state change) and an event-time timer
 * would wait for a watermark that a quiet signals topic may not advance for hours. The reopen
 * decision itself uses event time; live signals arrive within seconds, so the state outlives the
 * event-time window. After a replay or an outage longer than the window, a flap may therefore open
 * a new incident (version 1) instead of reopening the old one.
 */
public final class AlertLifecycleFunction extends KeyedProcessFunction<String, Signal, Alert> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AlertLifecycleFunction.class);

    private final AlertLifecycle lifecycle;
    private transient ValueState<Alert> latest;
    private transient ValueState<Long> cleanupAt;

    public AlertLifecycleFunction(AlertLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void open(OpenContext openContext) {
        latest =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "latest-alert", TypeInformation.of(Alert.class)));
        cleanupAt =
                getRuntimeContext().getState(new ValueStateDescriptor<>("cleanup-at", Types.LONG));
    }

    @Override
    public void processElement(Signal signal, Context ctx, Collector<Alert> out) throws Exception {
        Optional<Alert> next = lifecycle.next(Optional.ofNullable(latest.value()), signal);
        if (next.isEmpty()) {
            return;
        }
        Alert alert = next.get();
        latest.update(alert);
        out.collect(alert);
        LOG.info(
                "Alert {} v{} {} {} {} by {}",
                alert.alertId(),
                alert.version(),
                alert.change(),
                alert.severity(),
                alert.state(),
                alert.actor());

        Long pending = cleanupAt.value();
        if (pending != null) {
            ctx.timerService().deleteProcessingTimeTimer(pending);
            cleanupAt.clear();
        }
        if (alert.state() == AlertState.CLEARED) {
            long at =
                    ctx.timerService().currentProcessingTime()
                            + lifecycle.reopenWindow().toMillis();
            ctx.timerService().registerProcessingTimeTimer(at);
            cleanupAt.update(at);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        Long pending = cleanupAt.value();
        if (pending != null && pending == timestamp) {
            latest.clear();
            cleanupAt.clear();
        }
    }
}
