package io.cityops.dashboards.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cityops.dashboards.BadParameter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryQueryTest {
    private final HistoryRequestParser parser =
            new HistoryRequestParser(
                    Clock.fixed(Instant.parse("2025-11-23T09:00:00Z"), ZoneOffset.UTC), 1000);

    @Test
    void userValuesTravelAsParametersAndIdentifiersComeFromTheAllowList() {
        HistoryRequest r =
                parser.parse(
                        Map.of(
                                "field", List.of("pm25"),
                                "sensorId", List.of("aq-105-1"),
                                "agg", List.of("max"),
                                "step", List.of("5m"),
                                "groupBy", List.of("districtId")));
        HistoryQuery q = HistoryQuery.of(r, 5000);
        assertThat(q.text())
                .isEqualTo(
                        "SELECT max(\"pm25\") AS \"value\" FROM \"raw\".\"reading\" WHERE time >="
                                + " $from AND time < $to AND \"sensorId\" = $f0 GROUP BY time(300s),"
                                + " \"districtId\" fill(none)");
        assertThat(q.params())
                .containsExactly(
                        Map.entry("from", "2025-11-23T08:00:00Z"),
                        Map.entry("to", "2025-11-23T09:00:00Z"),
                        Map.entry("f0", "aq-105-1"));
    }

    @Test
    void aggregateQueriesReadTheKindsMeasurementInTheWindowsPolicy() {
        HistoryRequest r =
                parser.parseAggregates(
                        Map.of(
                                "kind", List.of("air.district"),
                                "subject", List.of("105"),
                                "window", List.of("1h"),
                                "from", List.of("2025-11-22T09:00:00Z")));
        HistoryQuery q = HistoryQuery.of(r, 5000);
        assertThat(q.text())
                .isEqualTo(
                        "SELECT \"aqi\" AS \"value\" FROM \"agg_1h\".\"agg_air_district\" WHERE"
                                + " time >= $from AND time < $to AND \"subjectId\" = $f0 AND"
                                + " \"window\" = $f1 LIMIT 5000");
        assertThat(q.params())
                .containsExactly(
                        Map.entry("from", "2025-11-22T09:00:00Z"),
                        Map.entry("to", "2025-11-23T09:00:00Z"),
                        Map.entry("f0", "105"),
                        Map.entry("f1", "1h"));
    }

    @Test
    void aggregateWindowsAndKindsChooseTheirDefaultsAndPolicies() {
        HistoryRequest minute =
                parser.parseAggregates(
                        Map.of(
                                "kind", List.of("traffic.segment"),
                                "agg", List.of("mean"),
                                "step", List.of("5m"),
                                "groupBy", List.of("district")));
        assertThat(HistoryQuery.of(minute, 10).text())
                .isEqualTo(
                        "SELECT mean(\"travelTimeIndex\") AS \"value\" FROM"
                                + " \"agg_1m\".\"agg_traffic_segment\" WHERE time >= $from AND time"
                                + " < $to AND \"window\" = $f0 GROUP BY time(300s), \"districtId\""
                                + " fill(none)");
        HistoryRequest day = parser.parseAggregates(Map.of("kind", List.of("forest.zone")));
        assertThat(HistoryQuery.of(day, 10).text()).contains("FROM \"agg_1d\".\"agg_forest_zone\"");
        HistoryRequest sensor =
                parser.parseAggregates(
                        Map.of("kind", List.of("sensor"), "field", List.of("pm25_mean")));
        assertThat(HistoryQuery.of(sensor, 10).text())
                .contains("SELECT \"pm25_mean\" AS \"value\" FROM \"agg_1m\".\"agg_sensor\"");
    }

    @Test
    void rawQueriesAreCapped() {
        HistoryQuery q = HistoryQuery.of(parser.parse(Map.of("field", List.of("speedKmh"))), 5000);
        assertThat(q.text()).endsWith(" LIMIT 5000");
    }

    @Test
    void tooManyBucketsIsRefusedWithAHint() {
        assertThatThrownBy(
                        () ->
                                parser.parse(
                                        Map.of(
                                                "field", List.of("pm25"),
                                                "from", List.of("2025-01-01T00:00:00Z"),
                                                "agg", List.of("mean"),
                                                "step", List.of("1m"))))
                .isInstanceOf(BadParameter.class)
                .hasMessageContaining("use a larger step");
    }

    @Test
    void aggWithoutStepIsRefused() {
        assertThatThrownBy(
                        () ->
                                parser.parse(
                                        Map.of("field", List.of("pm25"), "agg", List.of("mean"))))
                .hasMessage("agg and step go together: give both or neither");
    }

    @Test
    void everyValueTheDetectorsWriteCanBeQueried() {
        // The value names of the stream-jobs detectors' aggregates (AqiObservation,
        // FireDangerWatch, EnergyBalanceFunction).
        Map<String, List<String>> written =
                Map.of(
                        "air.station",
                        List.of(
                                "aqi",
                                "pm25_aqi",
                                "pm10_aqi",
                                "o3_aqi",
                                "co_aqi",
                                "no2_aqi",
                                "so2_aqi"),
                        "air.district",
                        List.of(
                                "aqi",
                                "pm25_aqi",
                                "pm10_aqi",
                                "o3_aqi",
                                "co_aqi",
                                "no2_aqi",
                                "so2_aqi"),
                        "forest.zone",
                        List.of("nesterov", "level", "rainMm", "t13C", "d13"),
                        "power.transformer",
                        List.of(
                                "transformerWh",
                                "customersWh",
                                "lossShare",
                                "customersReported",
                                "customersExpected"));
        written.forEach(
                (kind, fields) ->
                        fields.forEach(
                                field ->
                                        assertThat(
                                                        HistoryQuery.of(
                                                                        parser.parseAggregates(
                                                                                Map.of(
                                                                                        "kind",
                                                                                        List.of(
                                                                                                kind),
                                                                                        "field",
                                                                                        List.of(
                                                                                                field))),
                                                                        10)
                                                                .text())
                                                .as(kind + " " + field)
                                                .startsWith("SELECT \"" + field + "\" AS")));
    }
}
