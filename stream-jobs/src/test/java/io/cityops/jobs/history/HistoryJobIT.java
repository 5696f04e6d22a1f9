package io.cityops.jobs.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.detection.RawReading;
import io.cityops.jobs.testing.FlinkCluster;
import io.cityops.jobs.testing.ScriptedReadings;
import io.cityops.model.Aggregate;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.Topics;
import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
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

/**
 * The history job's own topology ({@link HistoryJob#defineWorkflow}) with bounded sources in place
 * of Kafka: aggregates' JSON is decoded and stored, a malformed record is skipped without failing
 * the job, and readings and alert versions still arrive next to them.
 */
class HistoryJobIT {
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkCluster.withParallelismTwo();

    static final long T0 = 1_763_884_800_000L; // hourly aggregates are kept forever
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

    /** Replays fixed byte records, like a topic's values. */
    static final class Records implements GeneratorFunction<Long, byte[]> {
        private static final long serialVersionUID = 1L;
        private final ArrayList<byte[]> records;

        Records(List<byte[]> records) {
            this.records = new ArrayList<>(records);
        }

        static DataGeneratorSource<byte[]> source(List<byte[]> records) {
            return new DataGeneratorSource<>(
                    new Records(records),
                    records.size(),
                    PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
        }

        @Override
        public byte[] map(Long index) {
            return records.get(Math.toIntExact(index));
        }
    }

    static byte[] energy(String transformer, long start, double lossShare) {
        return JsonCodec.AGGREGATE.encode(
                new Aggregate(
                        "power.transformer",
                        transformer,
                        Domain.POWER,
                        "105",
                        "1h",
                        start,
                        Map.of("transformerWh", 1000.0, "lossShare", lossShare),
                        Map.of()));
    }

    @Test
    void aggregatesFromTheTopicLandInTheirMeasurementAndBadRecordsAreSkipped() throws Exception {
        long now = System.currentTimeMillis();
        RawReading reading =
                new RawReading(
                        Topics.readings(Domain.POWER),
                        "tm-105-1",
                        JsonCodec.READING.encode(
                                new Reading(
                                        "tm-105-1",
                                        Domain.POWER,
                                        now - 60_000,
                                        1,
                                        Map.of("voltageV", 229.5))));
        InfluxSinkConfig config = InfluxSinkConfig.local(influxd.url, "cityops_job");
        StreamExecutionEnvironment env = FlinkCluster.environment();
        HistoryJob.defineWorkflow(
                env,
                ScriptedReadings.source(List.of(reading)),
                Records.source(
                        List.of(JsonCodec.ALERT.encode(InfluxSinkIT.alertVersions().get(0)))),
                Records.source(
                        List.of(
                                energy("tr-105-1", T0, 0.05),
                                "{not an aggregate".getBytes(StandardCharsets.UTF_8),
                                energy("tr-105-1", T0 + 3_600_000, 0.14))),
                InfluxSink.readings(config, id -> "105"),
                InfluxSink.alerts(config),
                InfluxSink.aggregates(config));
        env.execute("history-job-it");

        assertThat(
                        values(
                                "SELECT \"lossShare\", \"transformerWh\""
                                        + " FROM \"agg_1h\".\"agg_power_transformer\""
                                        + " WHERE \"subjectId\" = 'tr-105-1'"))
                .containsExactly(
                        List.of((double) T0, 0.05, 1000.0),
                        List.of((double) T0 + 3_600_000, 0.14, 1000.0));
        assertThat(values("SELECT \"voltageV\" FROM \"raw\".\"reading\""))
                .containsExactly(List.of((double) now - 60_000, 229.5));
        assertThat(values("SELECT \"version\" FROM \"events\".\"alert_event\""))
                .containsExactly(List.of((double) InfluxSinkIT.T_ALERT, 1.0));
    }

    private static List<List<Object>> values(String q) {
        QueryResult r =
                influx.query(
                        BoundParameterQuery.QueryBuilder.newQuery(q)
                                .forDatabase("cityops_job")
                                .create(),
                        TimeUnit.MILLISECONDS);
        assertThat(r.getError()).isNull();
        var result = r.getResults().get(0);
        assertThat(result.getError()).isNull();
        return result.getSeries() == null ? List.of() : result.getSeries().get(0).getValues();
    }
}
