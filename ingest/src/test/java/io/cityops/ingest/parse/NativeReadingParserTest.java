package io.cityops.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Reading;
import io.cityops.model.RejectionReason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NativeReadingParserTest {
    private final NativeReadingParser parser = new NativeReadingParser();

    private ParseResult parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static ParseResult.Failed failed(RejectionReason reason, String detail) {
        return new ParseResult.Failed(reason, detail);
    }

    @Test
    void readsFieldsInAnyOrderAndKeepsMetricsInPayloadOrder() {
        ParseResult r =
                parse(
                        "{\"metrics\":{\"vehicleCount\":31,\"speedKmh\":42.5},\"seq\":9007199254740993,"
                                + "\"ts\":1748746800000,\"sensorId\":\"td-105-1u\"}");

        ParsedReading reading = ((ParseResult.Parsed) r).reading();
        assertThat(reading.sensorId()).isEqualTo("td-105-1u");
        assertThat(reading.ts()).isEqualTo(1_748_746_800_000L);
        assertThat(reading.seq())
                .as("a seq beyond 2^53 survives exactly")
                .isEqualTo(9_007_199_254_740_993L);
        assertThat(reading.metrics())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("vehicleCount", 31.0),
                        org.assertj.core.api.Assertions.entry("speedKmh", 42.5));
    }

    @Test
    void nonFiniteLiteralsAreNumbersHereSoValidationCanNameThem() {
        ParseResult r =
                parse(
                        "{\"sensorId\":\"x\",\"ts\":1,\"metrics\":{\"a\":NaN,\"b\":-Infinity,\"c\":1e400}}");

        assertThat(((ParseResult.Parsed) r).reading().metrics())
                .containsEntry("a", Double.NaN)
                .containsEntry("b", Double.NEGATIVE_INFINITY)
                .containsEntry("c", Double.POSITIVE_INFINITY);
    }

    @Test
    void aMetricGivenTwiceIsMalformedRatherThanSilentlyLastWins() {
        assertThat(parse("{\"sensorId\":\"x\",\"ts\":1,\"metrics\":{\"pm25\":10,\"pm25\":900}}"))
                .isEqualTo(failed(RejectionReason.MALFORMED, "metric 'pm25' appears twice"));
    }

    @Test
    void contentAfterTheObjectIsMalformed() {
        assertThat(parse("{\"sensorId\":\"x\",\"ts\":1,\"metrics\":{\"pm25\":10}} {\"again\":1}"))
                .isEqualTo(
                        failed(
                                RejectionReason.MALFORMED,
                                "unexpected content after the JSON object at line 1, column 47"));
    }

    @Test
    void timestampTooLargeForALongIsABadTimestampNotBrokenJson() {
        assertThat(parse("{\"sensorId\":\"x\",\"ts\":99999999999999999999,\"metrics\":{}}"))
                .isEqualTo(
                        failed(
                                RejectionReason.BAD_TIMESTAMP,
                                "ts 99999999999999999999 is too large for epoch milliseconds"));
    }

    @Test
    void isoTimestampOutsideTheEpochMillisecondRangeIsABadTimestamp() {
        ParseResult r =
                parse("{\"sensorId\":\"x\",\"ts\":\"+999999999-12-31T23:59:59Z\",\"metrics\":{}}");

        assertThat(r).isInstanceOf(ParseResult.Failed.class);
        assertThat(((ParseResult.Failed) r).reason()).isEqualTo(RejectionReason.BAD_TIMESTAMP);
    }

    @Test
    void absentSeqIsNoSeq() {
        ParseResult r = parse("{\"sensorId\":\"x\",\"ts\":1,\"metrics\":{}}");

        assertThat(((ParseResult.Parsed) r).reading().seq()).isEqualTo(Reading.NO_SEQ);
    }

    @Test
    void deviceTextInADetailIsEscapedAndCut() {
        String hostile = "line\\nINFO forged log line" + "x".repeat(200);

        ParseResult.Failed f =
                (ParseResult.Failed)
                        parse(
                                "{\"sensorId\":\"x\",\"ts\":1,\"metrics\":{\""
                                        + hostile
                                        + "\":\"1\"}}");

        assertThat(f.detail())
                .doesNotContain("\n")
                .contains("\\u000a")
                .contains("…")
                .hasSizeLessThan(120);
    }
}
