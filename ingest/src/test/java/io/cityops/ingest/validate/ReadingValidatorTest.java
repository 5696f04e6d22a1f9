package io.cityops.ingest.validate;

import static io.cityops.model.RejectionReason.BAD_TIMESTAMP;
import static io.cityops.model.RejectionReason.BAD_TOPIC;
import static io.cityops.model.RejectionReason.EMPTY_METRICS;
import static io.cityops.model.RejectionReason.FUTURE_TIMESTAMP;
import static io.cityops.model.RejectionReason.MALFORMED;
import static io.cityops.model.RejectionReason.MISSING_FIELD;
import static io.cityops.model.RejectionReason.NON_FINITE_VALUE;
import static io.cityops.model.RejectionReason.NON_NUMERIC_VALUE;
import static io.cityops.model.RejectionReason.NOT_JSON;
import static io.cityops.model.RejectionReason.OUT_OF_RANGE;
import static io.cityops.model.RejectionReason.OVERSIZE;
import static io.cityops.model.RejectionReason.TOPIC_MISMATCH;
import static io.cityops.model.RejectionReason.UNKNOWN_METRIC;
import static io.cityops.model.RejectionReason.UNKNOWN_SENSOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.ingest.parse.NativeReadingParser;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.RejectionReason;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReadingValidatorTest {
    private static final CityModel CITY = CityModelLoader.sample();

    /** 10:00 in Lai Châu (UTC+7). */
    private static final Instant NOW = Instant.parse("2025-06-01T03:00:00Z");

    private static final long NOW_MS = NOW.toEpochMilli();
    private static final String RIVER = "wl-107-muongte";
    private static final String RIVER_TOPIC = "sensors/environment/" + RIVER;
    private static final String DETECTOR_TOPIC = "sensors/traffic/td-105-1u";

    private final ReadingValidator validator =
            new ReadingValidator(
                    CITY,
                    new NativeReadingParser(),
                    16_384,
                    Duration.ofMinutes(5),
                    Clock.fixed(NOW, ZoneOffset.UTC));

    /** A malformed message, the reason it must be rejected for and what the detail must mention. */
    record Bad(
            String name,
            String topic,
            byte[] payload,
            RejectionReason reason,
            List<String> detailMentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Bad bad(
            String name, String topic, String payload, RejectionReason reason, String... mentions) {
        return new Bad(
                name, topic, payload.getBytes(StandardCharsets.UTF_8), reason, List.of(mentions));
    }

    /** A river-gauge payload with the given ts and metrics JSON. */
    private static String river(String ts, String metrics) {
        return "{\"sensorId\":\""
                + RIVER
                + "\",\"ts\":"
                + ts
                + ",\"seq\":7,\"metrics\":"
                + metrics
                + "}";
    }

    static Stream<Bad> malformed() {
        String ts = Long.toString(NOW_MS);
        return Stream.of(
                bad(
                        "not JSON",
                        RIVER_TOPIC,
                        "water is high",
                        NOT_JSON,
                        "not JSON",
                        "line 1, column"),
                bad(
                        "truncated JSON",
                        RIVER_TOPIC,
                        "{\"sensorId\":\"wl-107-muongte\",\"ts\":",
                        NOT_JSON,
                        "not JSON"),
                bad("empty payload", RIVER_TOPIC, "", NOT_JSON, "empty"),
                new Bad(
                        "binary garbage",
                        RIVER_TOPIC,
                        new byte[] {(byte) 0xff, (byte) 0xfe, 0x01, 0x7b},
                        NOT_JSON,
                        List.of("not JSON")),
                bad(
                        "JSON array instead of object",
                        RIVER_TOPIC,
                        "[" + river(ts, "{\"waterLevelCm\":28650}") + "]",
                        MALFORMED,
                        "payload is an array",
                        "expected a JSON object"),
                bad(
                        "ts as boolean",
                        RIVER_TOPIC,
                        river("true", "{\"waterLevelCm\":28650}"),
                        BAD_TIMESTAMP,
                        "ts is a boolean",
                        "epoch milliseconds or an ISO-8601 string"),
                bad(
                        "ts as unreadable text",
                        RIVER_TOPIC,
                        river("\"yesterday noon\"", "{\"waterLevelCm\":28650}"),
                        BAD_TIMESTAMP,
                        "'yesterday noon'",
                        "ISO-8601"),
                bad(
                        "ts without UTC offset",
                        RIVER_TOPIC,
                        river("\"2025-06-01T10:00:00\"", "{\"waterLevelCm\":28650}"),
                        BAD_TIMESTAMP,
                        "'2025-06-01T10:00:00'",
                        "offset"),
                bad(
                        "ts with a fraction",
                        RIVER_TOPIC,
                        river("1748746800000.5", "{\"waterLevelCm\":28650}"),
                        BAD_TIMESTAMP,
                        "not a whole number"),
                bad(
                        "ts in epoch seconds",
                        RIVER_TOPIC,
                        river("1748746800", "{\"waterLevelCm\":28650}"),
                        BAD_TIMESTAMP,
                        "before 2000-01-01",
                        "epoch seconds"),
                bad(
                        "metrics as list",
                        RIVER_TOPIC,
                        river(ts, "[28650]"),
                        MALFORMED,
                        "metrics is an array"),
                bad(
                        "value as string",
                        RIVER_TOPIC,
                        river(ts, "{\"waterLevelCm\":\"28650\"}"),
                        NON_NUMERIC_VALUE,
                        "metric 'waterLevelCm' is a string, expected a number"),
                bad(
                        "value null",
                        RIVER_TOPIC,
                        river(ts, "{\"waterLevelCm\":null}"),
                        NON_NUMERIC_VALUE,
                        "metric 'waterLevelCm' is null"),
                bad(
                        "missing sensorId",
                        RIVER_TOPIC,
                        "{\"ts\":" + ts + ",\"metrics\":{\"waterLevelCm\":28650}}",
                        MISSING_FIELD,
                        "'sensorId' is missing"),
                bad(
                        "missing ts",
                        RIVER_TOPIC,
                        "{\"sensorId\":\"" + RIVER + "\",\"metrics\":{\"waterLevelCm\":1}}",
                        MISSING_FIELD,
                        "'ts' is missing"),
                bad(
                        "missing metrics",
                        RIVER_TOPIC,
                        "{\"sensorId\":\"" + RIVER + "\",\"ts\":" + ts + "}",
                        MISSING_FIELD,
                        "'metrics' is missing"),
                bad(
                        "sensorId as number",
                        RIVER_TOPIC,
                        "{\"sensorId\":107,\"ts\":" + ts + ",\"metrics\":{}}",
                        MALFORMED,
                        "sensorId is a number"),
                bad(
                        "field given twice",
                        RIVER_TOPIC,
                        river(ts, "{\"waterLevelCm\":1}").replace("\"seq\":7", "\"ts\":1"),
                        MALFORMED,
                        "'ts' appears twice"),
                bad(
                        "negative seq",
                        RIVER_TOPIC,
                        river(ts, "{\"waterLevelCm\":1}").replace("\"seq\":7", "\"seq\":-3"),
                        MALFORMED,
                        "seq is -3"),
                bad(
                        "unknown sensor",
                        "sensors/environment/wl-999-nowhere",
                        river(ts, "{\"waterLevelCm\":1}").replace(RIVER, "wl-999-nowhere"),
                        UNKNOWN_SENSOR,
                        "'wl-999-nowhere' is not registered"),
                bad(
                        "payload names another sensor than the topic",
                        RIVER_TOPIC,
                        river(ts, "{\"waterLevelCm\":1}").replace(RIVER, "wl-109-namgiang"),
                        TOPIC_MISMATCH,
                        "'wl-109-namgiang'",
                        "'wl-107-muongte'"),
                bad(
                        "sensor published under another domain",
                        "sensors/traffic/" + RIVER,
                        river(ts, "{\"waterLevelCm\":1}"),
                        TOPIC_MISMATCH,
                        "RIVER_GAUGE",
                        "domain environment",
                        "under traffic"),
                bad(
                        "NaN",
                        RIVER_TOPIC,
                        river(ts, "{\"waterLevelCm\":NaN}"),
                        NON_FINITE_VALUE,
                        "metric 'waterLevelCm' is NaN"),
                bad(
                        "Infinity",
                        RIVER_TOPIC,
                        river(ts, "{\"waterLevelCm\":Infinity}"),
                        NON_FINITE_VALUE,
                        "metric 'waterLevelCm' is Infinity"),
                bad(
                        "minus Infinity",
                        RIVER_TOPIC,
                        river(ts, "{\"waterLevelCm\":-Infinity}"),
                        NON_FINITE_VALUE,
                        "is -Infinity"),
                bad(
                        "oversize",
                        RIVER_TOPIC,
                        river(ts, "{\"waterLevelCm\":1}")
                                .replace("\"seq\":7", "\"note\":\"" + "x".repeat(16_400) + "\""),
                        OVERSIZE,
                        "over the 16384-byte limit"),
                bad(
                        "far-future timestamp",
                        RIVER_TOPIC,
                        river("\"2025-06-02T10:00:00+07:00\"", "{\"waterLevelCm\":1}"),
                        FUTURE_TIMESTAMP,
                        "2025-06-02T03:00:00Z",
                        "86400 s ahead",
                        "tolerance 300 s"),
                bad(
                        "empty metrics",
                        RIVER_TOPIC,
                        river(ts, "{}"),
                        EMPTY_METRICS,
                        "metrics is empty"),
                bad(
                        "metric of another domain",
                        RIVER_TOPIC,
                        river(ts, "{\"speedKmh\":40}"),
                        UNKNOWN_METRIC,
                        "'speedKmh' is not a metric of domain environment",
                        "waterLevelCm"),
                bad(
                        "water level beyond any river",
                        RIVER_TOPIC,
                        river(ts, "{\"waterLevelCm\":2000000}"),
                        OUT_OF_RANGE,
                        "'waterLevelCm' = 2000000 cm",
                        "[-10000, 1000000]"),
                bad(
                        "occupancy over 100 %",
                        DETECTOR_TOPIC,
                        "{\"sensorId\":\"td-105-1u\",\"ts\":"
                                + ts
                                + ",\"metrics\":{\"speedKmh\":40,\"occupancy\":130}}",
                        OUT_OF_RANGE,
                        "'occupancy' = 130 %"),
                bad(
                        "topic outside sensors/",
                        "alerts/td-105-1u",
                        "{}",
                        BAD_TOPIC,
                        "'alerts/td-105-1u'"),
                bad(
                        "topic with an unknown domain",
                        "sensors/weather/td-105-1u",
                        "{}",
                        BAD_TOPIC,
                        "sensors/<traffic|"),
                bad(
                        "topic without a sensor id",
                        "sensors/traffic/",
                        "{}",
                        BAD_TOPIC,
                        "'sensors/traffic/'"),
                bad(
                        "topic one level too deep",
                        DETECTOR_TOPIC + "/extra",
                        "{}",
                        BAD_TOPIC,
                        "/extra'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedMessageIsRejectedWithItsReasonAndADetailSayingWhy(Bad c) {
        ValidationOutcome outcome = validator.validate(c.topic(), c.payload());

        assertThat(outcome).isInstanceOf(ValidationOutcome.Rejected.class);
        ValidationOutcome.Rejected rejected = (ValidationOutcome.Rejected) outcome;
        assertThat(rejected.reason()).as(rejected.detail()).isEqualTo(c.reason());
        assertThat(rejected.detail()).contains(c.detailMentions());
    }

    /** An acceptable message and the reading it must become. */
    record Good(String name, String topic, String payload, Reading expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Good> wellFormed() {
        long tenOClock = NOW_MS;
        return Stream.of(
                new Good(
                        "epoch ms ts with seq",
                        RIVER_TOPIC,
                        river(Long.toString(tenOClock), "{\"waterLevelCm\":28650.5}"),
                        new Reading(
                                RIVER,
                                Domain.ENVIRONMENT,
                                tenOClock,
                                7,
                                Map.of("waterLevelCm", 28_650.5))),
                new Good(
                        "ISO-8601 ts with +07:00 offset",
                        RIVER_TOPIC,
                        river("\"2025-06-01T09:59:30+07:00\"", "{\"waterLevelCm\":28650}"),
                        new Reading(
                                RIVER,
                                Domain.ENVIRONMENT,
                                tenOClock - 30_000,
                                7,
                                Map.of("waterLevelCm", 28_650.0))),
                new Good(
                        "ISO-8601 ts in UTC",
                        RIVER_TOPIC,
                        river("\"2025-06-01T02:00:00Z\"", "{\"waterLevelCm\":-12}"),
                        new Reading(
                                RIVER,
                                Domain.ENVIRONMENT,
                                tenOClock - 3_600_000,
                                7,
                                Map.of("waterLevelCm", -12.0))),
                new Good(
                        "seq absent",
                        DETECTOR_TOPIC,
                        "{\"sensorId\":\"td-105-1u\",\"ts\":"
                                + tenOClock
                                + ",\"metrics\":{\"speedKmh\":42.5,\"occupancy\":12,"
                                + "\"vehicleCount\":31}}",
                        new Reading(
                                "td-105-1u",
                                Domain.TRAFFIC,
                                tenOClock,
                                Reading.NO_SEQ,
                                Map.of("speedKmh", 42.5, "occupancy", 12.0, "vehicleCount", 31.0))),
                new Good(
                        "seq null and unknown fields ignored",
                        DETECTOR_TOPIC,
                        "{\"fw\":{\"v\":[1,2]},\"sensorId\":\"td-105-1u\",\"seq\":null,\"ts\":"
                                + tenOClock
                                + ",\"metrics\":{\"speedKmh\":0},\"battery\":3.7}",
                        new Reading(
                                "td-105-1u",
                                Domain.TRAFFIC,
                                tenOClock,
                                Reading.NO_SEQ,
                                Map.of("speedKmh", 0.0))),
                new Good(
                        "ts just inside the future tolerance",
                        RIVER_TOPIC,
                        river(
                                Long.toString(tenOClock + Duration.ofMinutes(5).toMillis()),
                                "{\"waterLevelCm\":1}"),
                        new Reading(
                                RIVER,
                                Domain.ENVIRONMENT,
                                tenOClock + 300_000,
                                7,
                                Map.of("waterLevelCm", 1.0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void wellFormedMessageBecomesTheReading(Good c) {
        ValidationOutcome outcome =
                validator.validate(c.topic(), c.payload().getBytes(StandardCharsets.UTF_8));

        assertThat(outcome).isEqualTo(new ValidationOutcome.Accepted(c.expected()));
    }

    @Test
    void sizeIsCheckedBeforeTheTopicSoAFloodOfJunkCostsNoParsing() {
        byte[] big = new byte[16_385];

        ValidationOutcome outcome = validator.validate("not/a/sensor/topic", big);

        assertThat(outcome)
                .isEqualTo(
                        new ValidationOutcome.Rejected(
                                OVERSIZE, "payload is 16385 bytes, over the 16384-byte limit"));
    }

    @Test
    void payloadAtExactlyTheLimitIsParsed() {
        String base = river(Long.toString(NOW_MS), "{\"waterLevelCm\":1}");
        String padded =
                base.replace(
                        "\"seq\":7",
                        "\"seq\":7,\"pad\":\"" + "x".repeat(16_384 - base.length() - 9) + "\"");

        assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(16_384);
        assertThat(validator.validate(RIVER_TOPIC, padded.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationOutcome.Accepted.class);
    }
}
