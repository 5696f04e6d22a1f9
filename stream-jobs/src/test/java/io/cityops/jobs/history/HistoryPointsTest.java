package io.cityops.jobs.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Aggregate;
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

    @Test
    void aggregateIsOnePointAtItsWindowStartInTheMeasurementOfItsKind() {
        Aggregate a =
                new Aggregate(
                        "air.district",
                        "105",
                        Domain.ENVIRONMENT,
                        "105",
                        "1h",
                        T0,
                        Map.of("aqi", 87.0, "pm25Nowcast", Double.NaN),
                        Map.of("dominant", "pm25", "category", "moderate", "aqi", "ignored"));
        assertThat(HistoryPoints.aggregates().toPoints(a))
                .containsExactly(
                        new HistoryPoint(
                                "agg_1h",
                                "agg_air_district",
                                Map.of(
                                        "kind",
                                        "air.district",
                                        "subjectId",
                                        "105",
                                        "domain",
                                        "ENVIRONMENT",
                                        "districtId",
                                        "105",
                                        "window",
                                        "1h"),
                                Map.of("aqi", 87.0, "dominant", "pm25", "category", "moderate"),
                                T0 * 1_000_000));
    }

    @Test
    void aWindowReEmittedWithAnotherLabelHasTheSameIdentity() {
        Aggregate first = segment("congested");
        Aggregate again = segment("jammed");
        HistoryPoint p1 = HistoryPoints.aggregates().toPoints(first).get(0);
        HistoryPoint p2 = HistoryPoints.aggregates().toPoints(again).get(0);
        assertThat(p2.retentionPolicy()).isEqualTo(p1.retentionPolicy()).isEqualTo("agg_1m");
        assertThat(p2.measurement()).isEqualTo(p1.measurement()).isEqualTo("agg_traffic_segment");
        assertThat(p2.tags()).isEqualTo(p1.tags());
        assertThat(p2.timeNs()).isEqualTo(p1.timeNs());
        assertThat(p2.fields()).containsEntry("level", "jammed");
    }

    @Test
    void windowsChooseTheirRetentionPolicy() {
        assertThat(HistorySchema.aggregatePolicy("1m")).isEqualTo("agg_1m");
        assertThat(HistorySchema.aggregatePolicy("5m")).isEqualTo("agg_1m");
        assertThat(HistorySchema.aggregatePolicy("1h")).isEqualTo("agg_1h");
        assertThat(HistorySchema.aggregatePolicy("1d")).isEqualTo("agg_1d");
        assertThat(HistorySchema.aggregatePolicy("7d")).isEqualTo("agg_1d");
        assertThat(HistorySchema.aggregateMeasurement("power.transformer"))
                .isEqualTo("agg_power_transformer");
    }

    private static Aggregate segment(String level) {
        return new Aggregate(
                "traffic.segment",
                "road-105-1",
                Domain.TRAFFIC,
                "105",
                "1m",
                T0,
                Map.of("speedRatio", 0.3),
                Map.of("level", level));
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
