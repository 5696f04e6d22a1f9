package io.cityops.jobs.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.testing.FlinkCluster;
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

    static void runJob(InfluxSinkConfig config) throws Exception {
        StreamExecutionEnvironment env = FlinkCluster.environment();
        env.fromData(readings())
                .sinkTo(InfluxSink.readings(config, id -> id.substring(3, 6)))
                .name("history-readings");
        env.fromData(alertVersions()).sinkTo(InfluxSink.alerts(config)).name("history-alerts");
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
                        values("SHOW RETENTION POLICIES ON \"cityops_it\"", null).stream()
                                .map(r -> r.get(0)))
                .containsExactlyInAnyOrder("autogen", "raw", "agg_1m", "agg_1h", "events", "kpis");
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
