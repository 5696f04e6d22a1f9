package io.cityops.alerting.lifecycle;

import static io.cityops.alerting.testing.Signals.muongTeWater;
import static io.cityops.model.Severity.INFO;
import static io.cityops.model.Severity.MAJOR;
import static io.cityops.model.SignalAction.CLEAR;
import static io.cityops.model.SignalAction.RAISE;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.alerting.routing.UnitRouter;
import io.cityops.model.Alert;
import io.cityops.model.Signal;
import io.cityops.model.city.CityModelLoader;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertLifecycleFunctionTest {
    private static final Duration WINDOW = ofMinutes(30);
    private static final long START = 1_000_000L;

    private KeyedOneInputStreamOperatorTestHarness<String, Signal, Alert> harness;

    @BeforeEach
    void openHarness() throws Exception {
        AlertLifecycle lifecycle =
                new AlertLifecycle(new UnitRouter(CityModelLoader.sample()), WINDOW);
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new AlertLifecycleFunction(lifecycle), Signal::alertKey, Types.STRING);
        harness.setProcessingTime(START);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void activeAlertIsKeptWithoutATimer() throws Exception {
        harness.processElement(muongTeWater(RAISE, MAJOR, ofMinutes(0)), 0);

        assertThat(harness.extractOutputValues())
                .extracting(Alert::change)
                .containsExactly("RAISE");
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void clearedAlertIsForgottenOneWindowAfterItsClear() throws Exception {
        harness.processElement(muongTeWater(RAISE, MAJOR, ofMinutes(0)), 0);
        harness.processElement(muongTeWater(CLEAR, INFO, ofMinutes(10)), 0);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        harness.setProcessingTime(START + WINDOW.toMillis() - 1);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);

        harness.setProcessingTime(START + WINDOW.toMillis());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.extractOutputValues())
                .extracting(Alert::change)
                .containsExactly("RAISE", "CLEAR");
    }

    @Test
    void reopeningDeletesTheCleanupTimer() throws Exception {
        harness.processElement(muongTeWater(RAISE, MAJOR, ofMinutes(0)), 0);
        harness.processElement(muongTeWater(CLEAR, INFO, ofMinutes(10)), 0);
        harness.setProcessingTime(START + ofMinutes(5).toMillis());
        harness.processElement(muongTeWater(RAISE, MAJOR, ofMinutes(15)), 0);

        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        harness.setProcessingTime(START + 2 * WINDOW.toMillis());
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.extractOutputValues())
                .extracting(Alert::change)
                .containsExactly("RAISE", "CLEAR", "REOPEN");
    }

    @Test
    void afterCleanupARaiseStartsAFreshAlert() throws Exception {
        harness.processElement(muongTeWater(RAISE, MAJOR, ofMinutes(0)), 0);
        harness.processElement(muongTeWater(CLEAR, INFO, ofMinutes(10)), 0);
        harness.setProcessingTime(START + WINDOW.toMillis());
        harness.processElement(muongTeWater(RAISE, MAJOR, ofMinutes(200)), 0);

        assertThat(harness.extractOutputValues())
                .extracting(a -> a.change() + " v" + a.version())
                .containsExactly("RAISE v1", "CLEAR v2", "RAISE v1");
    }
}
