package io.cityops.dashboards;

import static io.cityops.dashboards.Http.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.dashboards.history.HistoryService;
import io.cityops.dashboards.history.InfluxdProcess;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The history API against a real influxd: points in the layout the history sink writes ({@code
 * raw.reading}, tags sensorId/domain/districtId, metric fields) come back with exact values.
 */
class HistoryApiIT {
    static final long T0 = TestAlerts.T0;
    static InfluxdProcess influxd;
    static InfluxDB influx;
    static TestServer t;

    @BeforeAll
    static void start() throws Exception {
        influxd =
                InfluxdProcess.start(
                        Files.createTempDirectory("cityops-influxd-"), 0, Duration.ofSeconds(30));
        influx = InfluxDBFactory.connect(influxd.url());
        influx.query(new Query("CREATE DATABASE cityops"));
        // Infinite here because the fixed test instants lie in the past of the wall clock.
        influx.query(
                new Query(
                        "CREATE RETENTION POLICY \"raw\" ON \"cityops\" DURATION INF REPLICATION 1"
                                + " DEFAULT"));
        BatchPoints.Builder batch = BatchPoints.database("cityops").retentionPolicy("raw");
        // aq-105-1: pm25 = 10, 20, 30, 40 at one-minute spacing; aq-106-1: 100 at T0.
        for (int i = 0; i < 4; i++) {
            batch.point(reading("aq-105-1", "105", T0 + i * 60_000L, 10.0 * (i + 1)));
        }
        batch.point(reading("aq-106-1", "106", T0, 100.0));
        // A rewrite of the same measurement + tags + timestamp overwrites instead of adding.
        batch.point(reading("aq-106-1", "106", T0, 100.0));
        influx.write(batch.build());
        t =
                new TestServer(
                        Optional.of(new HistoryService(influx, "cityops", 1000)),
                        Clock.fixed(Instant.ofEpochMilli(T0 + 3_600_000), ZoneOffset.UTC));
    }

    static Point reading(String sensor, String district, long ts, double pm25) {
        return Point.measurement("reading")
                .tag("sensorId", sensor)
                .tag("domain", "ENVIRONMENT")
                .tag("districtId", district)
                .addField("pm25", pm25)
                .time(ts, TimeUnit.MILLISECONDS)
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (t != null) {
            t.close();
        }
        if (influx != null) {
            influx.close();
        }
        if (influxd != null) {
            influxd.close();
        }
    }

    @Test
    void rawPointsOfOneSensorComeBackExactly() throws Exception {
        var r =
                get(
                        t.url(
                                "/api/history?field=pm25&sensorId=aq-105-1&from="
                                        + Instant.ofEpochMilli(T0)),
                        TestServer.ANALYST);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains(
                        "\"points\":[{\"time\":"
                                + T0
                                + ",\"value\":10.0},{\"time\":"
                                + (T0 + 60_000)
                                + ",\"value\":20.0},{\"time\":"
                                + (T0 + 120_000)
                                + ",\"value\":30.0},{\"time\":"
                                + (T0 + 180_000)
                                + ",\"value\":40.0}]");
    }

    @Test
    void meanPerTwoMinutesGroupedByDistrictAsCsv() throws Exception {
        var r =
                get(
                        t.url(
                                "/api/history?field=pm25&agg=mean&step=2m&groupBy=districtId&format=csv&from="
                                        + T0
                                        + "&to="
                                        + (T0 + 240_000)),
                        TestServer.OPERATOR);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/csv");
        assertThat(r.body())
                .isEqualTo(
                        "time,districtId,pm25\n"
                                + "2025-11-23T08:00:00Z,105,15.0\n"
                                + "2025-11-23T08:02:00Z,105,35.0\n"
                                + "2025-11-23T08:00:00Z,106,100.0\n");
    }

    @Test
    void countShowsTheRewriteDidNotDuplicate() throws Exception {
        var r =
                get(
                        t.url(
                                "/api/history?field=pm25&agg=count&step=1h&sensorId=aq-106-1&from="
                                        + T0
                                        + "&to="
                                        + (T0 + 3_600_000)),
                        TestServer.ADMIN);
        assertThat(r.body()).contains("\"points\":[{\"time\":" + T0 + ",\"value\":1.0}]");
    }

    @Test
    void filterValuesAreBoundNotSpliced() throws Exception {
        var r =
                get(
                        t.url("/api/history?field=pm25&sensorId=x'%20OR%20'1'%3D'1&from=" + T0),
                        TestServer.ANALYST);
        assertThat(r.statusCode()).isEqualTo(400);
        var quoted =
                get(t.url("/api/history?field=pm25&sensorId=nope&from=" + T0), TestServer.ANALYST);
        assertThat(quoted.statusCode()).isEqualTo(200);
        assertThat(quoted.body()).contains("\"series\":[]");
    }
}
