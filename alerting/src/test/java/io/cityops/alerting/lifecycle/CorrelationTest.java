package io.cityops.alerting.lifecycle;

import static io.cityops.alerting.testing.Signals.on;
import static io.cityops.model.Severity.MAJOR;
import static io.cityops.model.Severity.MINOR;
import static io.cityops.model.SignalAction.CLEAR;
import static io.cityops.model.SignalAction.RAISE;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.alerting.correlation.Correlator;
import io.cityops.model.Alert;
import io.cityops.model.Domain;
import io.cityops.model.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One incident, one alert: correlation in the pure lifecycle, one group per key as in Flink. */
class CorrelationTest {
    private final AlertLifecycle lifecycle =
            Lifecycles.with(EscalationPolicy.never(), Duration.ZERO);
    private final Correlator correlator = new Correlator(Lifecycles.CITY);
    private final Map<String, IncidentGroup> groups = new HashMap<>();
    private final List<Alert> out = new ArrayList<>();

    @Test
    void outageUnderOneTransformerIsOneAlertWithItsMetersAsChildren() {
        feed(meterOffline("pm-105-1-01", RAISE, 0));
        feed(meterOffline("pm-105-1-02", RAISE, 1));
        feed(on("power.outage", "tr-105-1", Domain.POWER, "105", RAISE, MAJOR, ofMinutes(2)));
        feed(meterOffline("pm-105-1-03", RAISE, 3));

        Alert outage = latest("power.outage:tr-105-1");
        assertThat(outage.childIds())
                .containsExactlyInAnyOrder(
                        "sensor.silent:pm-105-1-01",
                        "sensor.silent:pm-105-1-02",
                        "sensor.silent:pm-105-1-03");
        assertThat(outage.parent()).isEmpty();
        assertThat(latest("sensor.silent:pm-105-1-01").parentId()).isEqualTo(outage.alertId());
        assertThat(latest("sensor.silent:pm-105-1-03").parentId()).isEqualTo(outage.alertId());
        assertThat(out.stream().filter(a -> !a.suppressed()).map(Alert::alertId).distinct())
                .containsExactlyInAnyOrder(
                        "power.outage:tr-105-1",
                        "sensor.silent:pm-105-1-01",
                        "sensor.silent:pm-105-1-02"); // the two before the outage was known
    }

    @Test
    void whenTheOutageEndsMetersStillOfflineStandOnTheirOwn() {
        feed(on("power.outage", "tr-105-1", Domain.POWER, "105", RAISE, MAJOR, ofMinutes(0)));
        feed(meterOffline("pm-105-1-04", RAISE, 1));
        feed(on("power.outage", "tr-105-1", Domain.POWER, "105", CLEAR, MAJOR, ofMinutes(5)));

        Alert meter = latest("sensor.silent:pm-105-1-04");
        assertThat(meter.suppressed()).isFalse();
        assertThat(meter.change()).isEqualTo("CORRELATE");
        assertThat(meter.note()).contains("released");
    }

    @Test
    void fireDetectionsInOneZoneAreOneIncident() {
        feed(on("forest.fire", "fs-110-a1", Domain.FOREST, "110", RAISE, MAJOR, ofMinutes(0)));
        feed(on("forest.fire", "fs-110-a2", Domain.FOREST, "110", RAISE, MAJOR, ofMinutes(4)));
        feed(on("forest.fire", "forest-110-a", Domain.FOREST, "110", RAISE, MAJOR, ofMinutes(6)));

        Alert incident = latest("forest.fire:fs-110-a1");
        assertThat(incident.childIds())
                .containsExactly("forest.fire:fs-110-a2", "forest.fire:forest-110-a");
        assertThat(latest("forest.fire:forest-110-a").parentId()).isEqualTo(incident.alertId());
    }

    @Test
    void aDailyFireDangerAdvisoryNeverAbsorbsARealFireInItsZone() {
        feed(
                on(
                        "forest.fire-danger",
                        "forest-110-a",
                        Domain.FOREST,
                        "110",
                        RAISE,
                        MAJOR,
                        ofMinutes(0)));
        feed(on("forest.fire", "forest-110-a", Domain.FOREST, "110", RAISE, MAJOR, ofMinutes(5)));

        assertThat(latest("forest.fire:forest-110-a").parentId()).isNull();
        assertThat(latest("forest.fire:forest-110-a").suppressed()).isFalse();
        assertThat(latest("forest.fire-danger:forest-110-a").childIds()).isEmpty();
    }

    @Test
    void risingStationsOnOneRiverAreLinkedButBothStayAlerts() {
        feed(
                on(
                        "water.level",
                        "rs-107-muongte",
                        Domain.ENVIRONMENT,
                        "107",
                        RAISE,
                        MINOR,
                        ofMinutes(0)));
        feed(
                on(
                        "water.level",
                        "rs-112-namnhun",
                        Domain.ENVIRONMENT,
                        "112",
                        RAISE,
                        MINOR,
                        ofMinutes(30)));
        feed(
                on(
                        "water.level",
                        "rs-109-namgiang",
                        Domain.ENVIRONMENT,
                        "109",
                        RAISE,
                        MINOR,
                        ofMinutes(31)));

        assertThat(latest("water.level:rs-107-muongte").linkedIds())
                .containsExactly("water.level:rs-112-namnhun");
        assertThat(latest("water.level:rs-112-namnhun").linkedIds())
                .containsExactly("water.level:rs-107-muongte");
        assertThat(latest("water.level:rs-109-namgiang").linkedIds()).isEmpty(); // Nậm Na
        assertThat(latest("water.level:rs-112-namnhun").suppressed()).isFalse();
    }

    private static Signal meterOffline(
            String meter, io.cityops.model.SignalAction action, int minute) {
        return on("sensor.silent", meter, Domain.POWER, "105", action, MINOR, ofMinutes(minute));
    }

    private void feed(Signal s) {
        IncidentGroup g =
                groups.computeIfAbsent(
                        correlator.groupOf(s.alertKey()).key(), k -> IncidentGroup.empty());
        out.addAll(lifecycle.onSignal(g, s, s.eventTime()));
    }

    private Alert latest(String alertId) {
        return out.stream()
                .filter(a -> a.alertId().equals(alertId))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no alert " + alertId));
    }
}
