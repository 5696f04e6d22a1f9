package io.cityops.jobs.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Alert;
import io.cityops.model.AlertState;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryPointsTest {
    static final long T0 = 1_763_884_800_000L;

    @Test
    void readingIsOnePointAtItsEventTimeTaggedWithItsDistrict() {
        Reading r =
                new Reading(
                        "aq-105-1",
                        Domain.ENVIRONMENT,
                        T0,
                        7,
                        Map.of("pm25", 12.5, "pm10", Double.NaN));
        List<HistoryPoint> points = HistoryPoints.readings(id -> "105").toPoints(r);
        assertThat(points)
                .containsExactly(
                        new HistoryPoint(
                                "raw",
                                "reading",
                                Map.of(
                                        "sensorId",
                                        "aq-105-1",
                                        "domain",
                                        "ENVIRONMENT",
                                        "districtId",
                                        "105"),
                                Map.of("pm25", 12.5),
                                T0 * 1_000_000));
    }

    @Test
    void twoAlertVersionsInOneMillisecondKeepTwoPointsAndAReplayTheSameOne() {
        Alert v1 = alert(1);
        Alert v2 = alert(2);
        var mapper = HistoryPoints.alerts();
        HistoryPoint p1 = mapper.toPoints(v1).get(0);
        HistoryPoint p2 = mapper.toPoints(v2).get(0);
        assertThat(p1.timeNs()).isEqualTo(T0 * 1_000_000 + 1);
        assertThat(p2.timeNs()).isEqualTo(T0 * 1_000_000 + 2);
        assertThat(mapper.toPoints(v1)).containsExactly(p1);
        assertThat(p1.retentionPolicy()).isEqualTo("events");
        assertThat(p1.fields()).containsEntry("acknowledged", false).containsEntry("version", 1L);
    }

    private static Alert alert(long version) {
        return new Alert(
                "a1",
                version,
                "water.level",
                "river-1",
                Domain.ENVIRONMENT,
                Severity.MAJOR,
                AlertState.ACTIVE,
                false,
                "107",
                List.of("ranger-muongte"),
                T0,
                T0,
                "detector",
                "RAISE",
                "msg",
                Map.of());
    }
}
