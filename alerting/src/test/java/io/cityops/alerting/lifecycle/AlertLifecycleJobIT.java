package io.cityops.alerting.lifecycle;

import static io.cityops.alerting.testing.Signals.muongTeWater;
import static io.cityops.alerting.testing.Signals.thanUyenFire;
import static io.cityops.model.Severity.CRITICAL;
import static io.cityops.model.Severity.INFO;
import static io.cityops.model.Severity.MAJOR;
import static io.cityops.model.SignalAction.CLEAR;
import static io.cityops.model.SignalAction.RAISE;
import static io.cityops.model.SignalAction.UPDATE;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.alerting.testing.Signals;
import io.cityops.model.Alert;
import io.cityops.model.AlertCommand;
import io.cityops.model.Domain;
import io.cityops.model.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lifecycle topology on a MiniCluster (parallelism 2), fed a bounded list of signals. */
class AlertLifecycleJobIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    void signalsBecomeExactlyTheExpectedAlertVersionsInOrder() throws Exception {
        List<Signal> signals =
                List.of(
                        muongTeWater(RAISE, MAJOR, ofMinutes(0)),
                        muongTeWater(RAISE, MAJOR, ofMinutes(1)),
                        thanUyenFire(RAISE, CRITICAL, ofMinutes(5)),
                        thanUyenFire(UPDATE, CRITICAL, ofMinutes(6)),
                        traffic(ofMinutes(7)),
                        muongTeWater(UPDATE, CRITICAL, ofMinutes(20)),
                        thanUyenFire(CLEAR, INFO, ofMinutes(30)),
                        muongTeWater(CLEAR, INFO, ofMinutes(60)),
                        muongTeWater(RAISE, MAJOR, ofMinutes(70)),
                        muongTeWater(CLEAR, INFO, ofMinutes(80)),
                        muongTeWater(CLEAR, INFO, ofMinutes(81)));

        Map<String, List<String>> versionsByAlert = run(signals);

        assertThat(versionsByAlert)
                .isEqualTo(
                        Map.of(
                                Signals.MUONG_TE_ALERT,
                                List.of(
                                        "v1 RAISE ACTIVE MAJOR [rescue-north]",
                                        "v2 UPDATE ACTIVE CRITICAL [rescue-north]",
                                        "v3 CLEAR CLEARED CRITICAL [rescue-north]",
                                        "v4 REOPEN ACTIVE MAJOR [rescue-north]",
                                        "v5 CLEAR CLEARED MAJOR [rescue-north]"),
                                "forest.fire:forest-110-a",
                                List.of(
                                        "v1 RAISE ACTIVE CRITICAL [ranger-south, rescue-south]",
                                        "v2 CLEAR CLEARED CRITICAL [ranger-south, rescue-south]"),
                                "traffic.congestion:seg-107-ql12",
                                List.of("v1 RAISE ACTIVE MAJOR [police-west]")));
    }

    private static Map<String, List<String>> run(List<Signal> signals) throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
        assertThat(env.getParallelism()).isEqualTo(2);

        DataStream<Alert> alerts =
                AlertLifecycleJob.defineWorkflow(
                        env.fromData(signals, TypeInformation.of(Signal.class)),
                        env.fromData(
                                List.of(
                                        // Refused whatever the order of the inputs: no such alert.
                                        AlertCommand.unitAck(
                                                "traffic.congestion:nowhere",
                                                "police-west",
                                                1L,
                                                null)),
                                TypeInformation.of(AlertCommand.class)),
                        new DiscardingSink<>(),
                        // No hold-off: processing-time timers do not fire after bounded input.
                        Lifecycles.with(EscalationPolicy.never(), Duration.ZERO));

        Map<String, List<String>> byAlert = new LinkedHashMap<>();
        try (CloseableIterator<Alert> it = alerts.executeAndCollect("alert-lifecycle-it")) {
            it.forEachRemaining(
                    a ->
                            byAlert.computeIfAbsent(a.alertId(), k -> new ArrayList<>())
                                    .add(
                                            "v"
                                                    + a.version()
                                                    + " "
                                                    + a.change()
                                                    + " "
                                                    + a.state()
                                                    + " "
                                                    + a.severity()
                                                    + " "
                                                    + a.assignedUnits()));
        }
        return byAlert;
    }

    private static Signal traffic(Duration sinceT0) {
        return new Signal(
                "traffic.congestion",
                "seg-107-ql12",
                Domain.TRAFFIC,
                RAISE,
                MAJOR,
                "107",
                Signals.at(sinceT0),
                "congestion/v1",
                "Jammed on QL12",
                Map.of("speedRatio", "0.21"));
    }
}
