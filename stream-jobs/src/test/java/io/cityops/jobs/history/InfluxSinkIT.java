package io.cityops.jobs.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.testing.FlinkCluster;
import io.cityops.model.Aggregate;
import io.cityops.model.Alert;
import io.cityops.model.AlertState;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BoundParameterQuery;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The history sink in a MiniCluster against a real influxd. */
class InfluxSinkIT {
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkCluster.withParallelismTwo();

    // Raw readings live in a 30-day retention policy enforced against the wall clock, so their
    // instants are fixed offsets from the start of yesterday rather than a constant date.
    static final long BASE =
            Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1)).toEpochMilli();
    static final long T_ALERT = 1_763_884_800_000L; // events are kept forever: a fixed instant

    static TestInfluxd influxd;
    static InfluxDB influx;

    @BeforeAll
    static void start() throws Exception {
        influxd = new TestInfluxd();
        influx = InfluxDBFactory.connect(influxd.url);
    }

    @AfterAll
    static void stop() throws Exception {
        if (influx != null) {
            influx.close();
        }
        if (influxd != null) {
            influxd.close();
        }
    }

    static List<Reading> readings() {
        return List.of(
                new Reading("aq-105-1", Domain.ENVIRONMENT, BASE, 1, Map.of("pm25", 1.5)),
                new Reading("aq-105-1", Domain.ENVIRONMENT, BASE + 60_000, 2, Map.of("pm25", 2.5)),
                new Reading("aq-105-1", Domain.ENVIRONMENT, BASE + 120_000, 3, Map.of("pm25", 3.5)),
                new Reading(
                        "aq-106-1",
                        Domain.ENVIRONMENT,
                        BASE,
                        1,
                        Map.of("pm25", 10.0, "pm10", 20.0)));
    }

    static List<Alert> alertVersions() {
        Alert v1 =
                new Alert(
                        "a-1",
                        1,
                        "water.level",
                        "river-107",
                        Domain.ENVIRONMENT,
                        Severity.MAJOR,
                        AlertState.ACTIVE,
                        false,
                        "107",
                        List.of("ranger-muongte"),
                        T_ALERT,
                        T_ALERT,
                        "detector",
                        "RAISE",
                        "level 2",
                        Map.of());
        Alert v2 =
                new Alert(
                        "a-1",
                        2,
                        "water.level",
                        "river-107",
                        Domain.ENVIRONMENT,
                        Severity.MAJOR,
                        AlertState.ACTIVE,
                        true,
                        "107",
                        List.of("ranger-muongte"),
                        T_ALERT,
                        T_ALERT,
                        "duty-desk",
                        "ACKNOWLEDGE",
                        "level 2",
                        Map.of());
        return List.of(v1, v2);
    }

    static List<Aggregate> aggregates() {
        return List.of(
                new Aggregate(
                        "traffic.segment",
                        "road-105-1",
                        Domain.TRAFFIC,
                        "105",
                        "1m",
                        BASE,
                        Map.of("speedRatio", 0.42, "occupancy", 31.5, "travelTimeIndex", 0.42),
                        Map.of("level", "congested")),
                new Aggregate(
                        "traffic.segment",
                        "road-105-1",
                        Domain.TRAFFIC,
                        "105",
                        "1m",
                        BASE + 60_000,
                        Map.of("speedRatio", 0.8, "occupancy", 9.0, "travelTimeIndex", 0.8),
                        Map.of("level", "free")),
                new Aggregate(
                        "air.district",
                        "105",
                        Domain.ENVIRONMENT,
                        "105",
                        "1h",
                        T_ALERT,
                        Map.of("aqi", 87.0),
                        Map.of("dominant", "pm25", "category", "moderate", "standard", "VN_AQI")),
                new Aggregate(
                        "forest.zone",
                        "zone-107-1",
                        Domain.FOREST,
                        "107",
                        "1d",
                        T_ALERT,
                        Map.of("nesterov", 2600.0),
                        Map.of("level", "III")));
    }

    static void runJob(InfluxSinkConfig config) throws Exception {
        StreamExecutionEnvironment env = FlinkCluster.environment();
        env.fromData(readings())
                .sinkTo(InfluxSink.readings(config, id -> id.substring(3, 6)))
                .name("history-readings");
        env.fromData(alertVersions()).sinkTo(InfluxSink.alerts(config)).name("history-alerts");
        env.fromData(aggregates()).sinkTo(InfluxSink.aggregates(config)).name("history-aggregates");
        env.execute("history-sink-it");
    }

    @Test
    void pointsArriveExactlyAndARestartedWriterDoesNotDuplicate() throws Exception {
        InfluxSinkConfig config = InfluxSinkConfig.local(influxd.url, "cityops_it");
        runJob(config);
        runJob(config); // the same input again, as after a restart from an older checkpoint

        assertThat(
                        values(
                                "SELECT \"pm25\" FROM \"raw\".\"reading\" WHERE \"sensorId\" = $s",
                                "aq-105-1"))
                .containsExactly(
                        List.of((double) BASE, 1.5),
                        List.of((double) BASE + 60_000, 2.5),
                        List.of((double) BASE + 120_000, 3.5));
        assertThat(
                        values(
                                "SELECT \"pm25\", \"pm10\", \"districtId\" FROM \"raw\".\"reading\""
                                        + " WHERE \"sensorId\" = $s",
                                "aq-106-1"))
                .containsExactly(List.of((double) BASE, 10.0, 20.0, "106"));
        assertThat(
                        values(
                                "SELECT \"version\", \"acknowledged\" FROM \"events\".\"alert_event\""
                                        + " WHERE \"alertId\" = $s",
                                "a-1"))
                .containsExactly(
                        List.of(T_ALERT + 0.0, 1.0, false), List.of(T_ALERT + 0.0, 2.0, true));
        assertThat(
                        values(
                                "SELECT \"speedRatio\", \"occupancy\", \"travelTimeIndex\","
                                        + " \"level\", \"districtId\", \"window\""
                                        + " FROM \"agg_1m\".\"agg_traffic_segment\""
                                        + " WHERE \"subjectId\" = $s",
                                "road-105-1"))
                .containsExactly(
                        List.of((double) BASE, 0.42, 31.5, 0.42, "congested", "105", "1m"),
                        List.of((double) BASE + 60_000, 0.8, 9.0, 0.8, "free", "105", "1m"));
        assertThat(
                        values(
                                "SELECT \"aqi\", \"dominant\", \"category\", \"standard\""
                                        + " FROM \"agg_1h\".\"agg_air_district\""
                                        + " WHERE \"subjectId\" = $s",
                                "105"))
                .containsExactly(List.of(T_ALERT + 0.0, 87.0, "pm25", "moderate", "VN_AQI"));
        assertThat(
                        values(
                                "SELECT \"nesterov\", \"level\" FROM \"agg_1d\".\"agg_forest_zone\""
                                        + " WHERE \"subjectId\" = $s",
                                "zone-107-1"))
                .containsExactly(List.of(T_ALERT + 0.0, 2600.0, "III"));
        assertThat(
                        values(
                                "SELECT count(\"speedRatio\") FROM \"agg_1m\".\"agg_traffic_segment\""
                                        + " WHERE \"subjectId\" = $s",
                                "road-105-1"))
                .containsExactly(List.of(0.0, 2.0));
        assertThat(
                        values("SHOW RETENTION POLICIES ON \"cityops_it\"", null).stream()
                                .map(r -> r.get(0)))
                .containsExactlyInAnyOrder(
                        "autogen", "raw", "agg_1m", "agg_1h", "agg_1d", "events", "kpis");
    }

    private static List<List<Object>> values(String q, String sensor) {
        var b = BoundParameterQuery.QueryBuilder.newQuery(q).forDatabase("cityops_it");
        if (sensor != null) {
            b.bind("s", sensor);
        }
        QueryResult r = influx.query(b.create(), java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(r.getError()).isNull();
        var result = r.getResults().get(0);
        assertThat(result.getError()).isNull();
        return result.getSeries() == null ? List.of() : result.getSeries().get(0).getValues();
    }
}
