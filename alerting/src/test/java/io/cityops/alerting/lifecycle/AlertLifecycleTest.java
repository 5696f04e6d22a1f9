package io.cityops.alerting.lifecycle;

import static io.cityops.alerting.testing.Signals.MUONG_TE_ALERT;
import static io.cityops.alerting.testing.Signals.T0;
import static io.cityops.alerting.testing.Signals.at;
import static io.cityops.alerting.testing.Signals.muongTeWater;
import static io.cityops.model.Severity.CRITICAL;
import static io.cityops.model.Severity.INFO;
import static io.cityops.model.Severity.MAJOR;
import static io.cityops.model.SignalAction.CLEAR;
import static io.cityops.model.SignalAction.RAISE;
import static io.cityops.model.SignalAction.UPDATE;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.alerting.routing.UnitRouter;
import io.cityops.model.Alert;
import io.cityops.model.AlertState;
import io.cityops.model.Domain;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.CityModelLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {
    private static final AlertLifecycle LIFECYCLE =
            new AlertLifecycle(new UnitRouter(CityModelLoader.sample()), ofMinutes(30));

    @Test
    void riverAlertOpensUpdatesAndClears() {
        Signal raise = muongTeWater(RAISE, MAJOR, ofMinutes(0));
        Signal update = muongTeWater(UPDATE, CRITICAL, ofMinutes(20));
        Signal clear = muongTeWater(CLEAR, INFO, ofMinutes(90));

        List<Alert> versions = run(raise, update, clear);

        assertThat(versions.get(0))
                .isEqualTo(
                        new Alert(
                                MUONG_TE_ALERT,
                                1,
                                "water.level",
                                "rs-107-muongte",
                                Domain.ENVIRONMENT,
                                MAJOR,
                                AlertState.ACTIVE,
                                false,
                                "107",
                                List.of("rescue-north"),
                                T0,
                                T0,
                                "water-level/v1",
                                "RAISE",
                                raise.message(),
                                raise.attributes()));
        assertThat(versions.get(1))
                .isEqualTo(
                        new Alert(
                                MUONG_TE_ALERT,
                                2,
                                "water.level",
                                "rs-107-muongte",
                                Domain.ENVIRONMENT,
                                CRITICAL,
                                AlertState.ACTIVE,
                                false,
                                "107",
                                List.of("rescue-north"),
                                T0,
                                at(ofMinutes(20)),
                                "water-level/v1",
                                "UPDATE",
                                update.message(),
                                update.attributes()));
        // The clear keeps the severity the incident had.
        assertThat(versions.get(2))
                .isEqualTo(
                        new Alert(
                                MUONG_TE_ALERT,
                                3,
                                "water.level",
                                "rs-107-muongte",
                                Domain.ENVIRONMENT,
                                CRITICAL,
                                AlertState.CLEARED,
                                false,
                                "107",
                                List.of("rescue-north"),
                                T0,
                                at(ofMinutes(90)),
                                "water-level/v1",
                                "CLEAR",
                                clear.message(),
                                clear.attributes()));
        assertThat(versions).hasSize(3);
    }

    @Test
    void flappingWithinTheWindowReopensTheSameAlert() {
        List<Alert> versions =
                run(
                        muongTeWater(RAISE, MAJOR, ofMinutes(0)),
                        muongTeWater(CLEAR, INFO, ofMinutes(10)),
                        muongTeWater(RAISE, MAJOR, ofMinutes(25)),
                        muongTeWater(CLEAR, INFO, ofMinutes(30)),
                        muongTeWater(RAISE, CRITICAL, ofMinutes(60)));

        assertThat(versions).extracting(Alert::alertId).containsOnly(MUONG_TE_ALERT);
        assertThat(versions).extracting(Alert::version).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(versions)
                .extracting(Alert::change)
                .containsExactly("RAISE", "CLEAR", "REOPEN", "CLEAR", "REOPEN");
        assertThat(versions).extracting(Alert::openedAt).containsOnly(T0);
        assertThat(versions.get(4).state()).isEqualTo(AlertState.ACTIVE);
        assertThat(versions.get(4).severity()).isEqualTo(CRITICAL);
    }

    @Test
    void raiseAfterTheWindowIsANewIncidentWithTheVersionCountingOn() {
        List<Alert> versions =
                run(
                        muongTeWater(RAISE, MAJOR, ofMinutes(0)),
                        muongTeWater(CLEAR, INFO, ofMinutes(10)),
                        muongTeWater(RAISE, MAJOR, ofMinutes(41)));

        Alert reraised = versions.get(2);
        assertThat(reraised.change()).isEqualTo("RAISE");
        assertThat(reraised.version()).isEqualTo(3);
        assertThat(reraised.openedAt()).isEqualTo(at(ofMinutes(41)));
        assertThat(reraised.alertId()).isEqualTo(MUONG_TE_ALERT);
        assertThat(reraised.assignedUnits()).containsExactly("rescue-north");
    }

    @Test
    void duplicatesAndNoOpsProduceNothing() {
        assertThat(run(muongTeWater(CLEAR, INFO, ofMinutes(0)))).isEmpty();

        Signal raise = muongTeWater(RAISE, MAJOR, ofMinutes(0));
        Signal clear = muongTeWater(CLEAR, INFO, ofMinutes(5));
        Signal sameAgainLater = muongTeWater(RAISE, MAJOR, ofMinutes(2));
        Signal identicalUpdate = withAction(raise, UPDATE, Duration.ofMinutes(3));
        List<Alert> versions = run(raise, raise, sameAgainLater, identicalUpdate, clear, clear);

        assertThat(versions).extracting(Alert::change).containsExactly("RAISE", "CLEAR");
    }

    @Test
    void raiseWithAnotherSeverityOnAnActiveAlertIsAnUpdate() {
        List<Alert> versions =
                run(
                        muongTeWater(RAISE, MAJOR, ofMinutes(0)),
                        muongTeWater(RAISE, CRITICAL, ofMinutes(5)));

        assertThat(versions).extracting(Alert::change).containsExactly("RAISE", "UPDATE");
        assertThat(versions.get(1).severity()).isEqualTo(CRITICAL);
    }

    @Test
    void updateWithNewEvidenceButTheSameSeverityIsAVersion() {
        Signal raise = muongTeWater(RAISE, MAJOR, ofMinutes(0));
        Signal update =
                new Signal(
                        raise.type(),
                        raise.subjectId(),
                        raise.domain(),
                        UPDATE,
                        MAJOR,
                        raise.districtId(),
                        at(ofMinutes(5)),
                        raise.detector(),
                        "still rising",
                        Map.of("levelCm", "28790"));

        List<Alert> versions = run(raise, update);

        assertThat(versions).extracting(Alert::change).containsExactly("RAISE", "UPDATE");
        assertThat(versions.get(1).attributes()).containsEntry("levelCm", "28790");
    }

    @Test
    void updateWithoutAnOpenAlertOpensIt() {
        List<Alert> versions = run(muongTeWater(UPDATE, MAJOR, ofMinutes(0)));

        assertThat(versions)
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.change()).isEqualTo("RAISE");
                            assertThat(a.version()).isEqualTo(1);
                            assertThat(a.state()).isEqualTo(AlertState.ACTIVE);
                        });
    }

    /** Feeds the signals through the lifecycle as the operator does and returns every version. */
    private static List<Alert> run(Signal... signals) {
        List<Alert> versions = new ArrayList<>();
        Optional<Alert> latest = Optional.empty();
        for (Signal s : signals) {
            Optional<Alert> next = LIFECYCLE.next(latest, s);
            if (next.isPresent()) {
                versions.add(next.get());
                latest = next;
            }
        }
        return versions;
    }

    private static Signal withAction(Signal s, SignalAction action, Duration sinceT0) {
        return new Signal(
                s.type(),
                s.subjectId(),
                s.domain(),
                action,
                s.severity(),
                s.districtId(),
                at(sinceT0),
                s.detector(),
                s.message(),
                s.attributes());
    }
}
