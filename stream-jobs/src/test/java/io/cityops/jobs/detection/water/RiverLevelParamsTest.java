package io.cityops.jobs.detection.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cityops.jobs.detection.water.RiverLevelParams.Evaluation;
import io.cityops.model.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiverLevelParamsTest {

    @Test
    void defaultsAreTheDomainsAndEvaluateOnArrival() {
        RiverLevelParams p = RiverLevelParams.from(Settings.of(Map.of()));

        assertThat(p).isEqualTo(RiverLevelParams.DEFAULTS);
        assertThat(p)
                .isEqualTo(
                        new RiverLevelParams(20, Duration.ofMinutes(10), 50, Evaluation.ARRIVAL));
    }

    @Test
    void everyKeyCanBeSet() {
        RiverLevelParams p =
                RiverLevelParams.from(
                        Settings.of(
                                Map.of(
                                        "detection.water.margin-cm", "35",
                                        "detection.water.clear-hold-off", "15m",
                                        "detection.water.rise-cm-per-hour", "80",
                                        "detection.water.evaluation", " Event-Time ")));

        assertThat(p)
                .isEqualTo(
                        new RiverLevelParams(
                                35, Duration.ofMinutes(15), 80, Evaluation.EVENT_TIME));
        assertThat(
                        RiverLevelParams.from(
                                        Settings.of(
                                                Map.of("detection.water.evaluation", "arrival")))
                                .evaluation())
                .isEqualTo(Evaluation.ARRIVAL);
    }

    @Test
    void anUnknownEvaluationIsRejectedWithTheChoices() {
        assertThatThrownBy(
                        () ->
                                RiverLevelParams.from(
                                        Settings.of(
                                                Map.of(
                                                        "detection.water.evaluation",
                                                        "processing-time"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("detection.water.evaluation must be arrival or event-time")
                .hasMessageContaining("processing-time");
    }

    @Test
    void theEvaluationOrderIsNotPartOfTheProvenance() {
        // Signals of both orders are the same for in-order readings, so they name the same
        // detector (GloriaReplayIT and the alerting side compare them).
        assertThat(RiverLevelParams.DEFAULTS.withEvaluation(Evaluation.EVENT_TIME).provenance())
                .isEqualTo(RiverLevelParams.DEFAULTS.provenance())
                .isEqualTo("water-level/v1 margin=20cm hold=10m");
    }
}
