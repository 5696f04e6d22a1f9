package io.cityops.dashboards;

import static io.cityops.dashboards.Http.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.dashboards.history.HistoryService;
import io.cityops.dashboards.history.InfluxdProcess;
import io.cityops.jobs.history.InfluxSink;
import io.cityops.model.Aggregate;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Aggregates written through the history job's sink into a real influxd come back through {@code
 * /api/history/aggregates} with exact values, and writing them again (a restarted job replaying its
 * input) does not add points.
 */
class AggregateHistoryApiIT {
    static final long T0 = TestAlerts.T0; // hour and day policies keep points for good
    static final long HOUR = 3_600_000L;
    // The minute policy keeps 400 days against the wall clock: minutes of yesterday.
    static final long BASE =
            Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1)).toEpochMilli();

    static InfluxdProcess influxd;
    static InfluxDB influx;
    static TestServer t;

    static List<Aggregate> aggregates(String cityLabel) {
        List<Aggregate> out = new ArrayList<>();
        out.add(TestAggregates.districtAqi("105", T0, 42.0));
        out.add(TestAggregates.districtAqi("105", T0 + HOUR, 87.0));
        out.add(TestAggregates.districtAqi("105", T0 + 2 * HOUR, 160.0));
        out.add(TestAggregates.districtAqi("106", T0, 12.0));
        for (int i = 0; i < 5; i++) {
            out.add(
                    TestAggregates.segment(
                            "seg-105-1",
                            BASE + i * 60_000L,
                            0.2 * (i + 1),
                            0.2 * (i + 1),
                            cityLabel));
        }
        out.add(TestAggregates.energy("tr-105-1", T0, 0.05));
        out.add(TestAggregates.energy("tr-105-2", T0, 0.15));
        return out;
    }

    @BeforeAll
    static void start() throws Exception {
        influxd =
                InfluxdProcess.start(
                        Files.createTempDirectory("cityops-influxd-"), 0, Duration.ofSeconds(30));
        influx = InfluxDBFactory.connect(influxd.url());
        InfluxSink<Aggregate> sink = InfluxSink.aggregates(HistoryWriter.config(influxd.url()));
        HistoryWriter.write(sink, aggregates("congested"));
        // A restarted job replays its input; one window comes again with another label.
        HistoryWriter.write(sink, aggregates("jammed"));
        t =
                new TestServer(
                        Optional.of(new HistoryService(influx, "cityops", 1000)),
                        Clock.fixed(Instant.ofEpochMilli(T0 + 3 * HOUR), ZoneOffset.UTC));
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
    void hourlyDistrictAqiComesBackExactlyOncePerWindow() throws Exception {
        var r =
                get(
                        t.url(
                                "/api/history/aggregates?kind=air.district&subject=105&window=1h&from="
                                        + T0
                                        + "&to="
                                        + (T0 + 3 * HOUR)),
                        TestServer.ANALYST);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body())
                .contains("\"measurement\":\"agg_air_district\",\"field\":\"aqi\"")
                .contains(
                        "\"points\":[{\"time\":"
                                + T0
                                + ",\"value\":42.0},{\"time\":"
                                + (T0 + HOUR)
                                + ",\"value\":87.0},{\"time\":"
                                + (T0 + 2 * HOUR)
                                + ",\"value\":160.0}]");
    }

    @Test
    void aReplayedMinuteWindowIsOnePointNotTwo() throws Exception {
        var r =
                get(
                        t.url(
                                "/api/history/aggregates?kind=traffic.segment&subject=seg-105-1"
                                        + "&field=travelTimeIndex&agg=count&step=1h&from="
                                        + BASE
                                        + "&to="
                                        + (BASE + HOUR)),
                        TestServer.OPERATOR);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"points\":[{\"time\":" + BASE + ",\"value\":5.0}]");
        var mean =
                get(
                        t.url(
                                "/api/history/aggregates?kind=traffic.segment&subject=seg-105-1"
                                        + "&field=speedRatio&agg=max&step=5m&from="
                                        + BASE
                                        + "&to="
                                        + (BASE + 300_000)),
                        TestServer.OPERATOR);
        assertThat(mean.body()).contains("\"points\":[{\"time\":" + BASE + ",\"value\":1.0}]");
    }

    @Test
    void transformerLossSharePerSubjectAsCsv() throws Exception {
        var r =
                get(
                        t.url(
                                "/api/history/aggregates?kind=power.transformer&field=lossShare"
                                        + "&groupBy=subject&format=csv&from="
                                        + T0
                                        + "&to="
                                        + (T0 + HOUR)),
                        TestServer.ADMIN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body())
                .isEqualTo(
                        "time,subjectId,lossShare\n"
                                + "2025-11-23T08:00:00Z,tr-105-1,0.05\n"
                                + "2025-11-23T08:00:00Z,tr-105-2,0.15\n");
    }

    @Test
    void aDistrictFilterNarrowsAndAnOtherWindowIsEmpty() throws Exception {
        var district =
                get(
                        t.url(
                                "/api/history/aggregates?kind=air.district&district=106&from="
                                        + T0
                                        + "&to="
                                        + (T0 + 3 * HOUR)),
                        TestServer.ANALYST);
        assertThat(district.body()).contains("\"points\":[{\"time\":" + T0 + ",\"value\":12.0}]");
        var daily =
                get(
                        t.url(
                                "/api/history/aggregates?kind=air.district&window=1d&from="
                                        + T0
                                        + "&to="
                                        + (T0 + 3 * HOUR)),
                        TestServer.ANALYST);
        assertThat(daily.statusCode()).isEqualTo(200);
        assertThat(daily.body()).contains("\"series\":[]");
    }
}
