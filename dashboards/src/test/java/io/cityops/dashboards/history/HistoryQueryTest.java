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
}
