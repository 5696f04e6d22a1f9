package io.cityops.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.cityops.model.RejectionReason;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.Sensor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SenML packs (RFC 8428) as the bridge reads them; examples adapted from RFC 8428 §5. */
class SenmlPackParserTest {
    private static final Instant NOW = Instant.parse("2025-06-01T03:00:00Z");
    private static final long NOW_MS = NOW.toEpochMilli();
    private static final CityModel CITY = CityModelLoader.sample();
    private static final Sensor FOREST = CITY.sensor("fs-105-a1").orElseThrow();
    private static final Sensor AIR = CITY.sensor("aq-105-1").orElseThrow();
    private static final Sensor GAUGE = CITY.sensor("wl-107-muongte").orElseThrow();
    private static final Sensor METER = CITY.sensor("pm-105-1-01").orElseThrow();
    private static final Sensor DETECTOR = CITY.sensor("td-105-1u").orElseThrow();

    private final PayloadFormats parser = new PayloadFormats(Clock.fixed(NOW, ZoneOffset.UTC));

    private ParseResult parse(Sensor sensor, String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), sensor);
    }

    private List<ParsedReading> readings(Sensor sensor, String json) {
        ParseResult r = parse(sensor, json);
        assertThat(r).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).readings();
    }

    private RejectionReason reason(Sensor sensor, String json) {
        ParseResult r = parse(sensor, json);
        assertThat(r).isInstanceOf(ParseResult.Failed.class);
        return ((ParseResult.Failed) r).reason();
    }

    @Test
    void singleDatapointWithoutTimeIsNow() { // RFC 8428 §5.1.1
        List<ParsedReading> r =
                readings(
                        FOREST,
                        "[{\"n\":\"urn:dev:id:fs-105-a1:temperature\",\"u\":\"Cel\",\"v\":23.1}]");

        assertThat(r)
                .containsExactly(
                        new ParsedReading("fs-105-a1", NOW_MS, -1, Map.of("temperatureC", 23.1)));
    }

    @Test
    void twoMeasurementsAtOneTimeAreOneReading() { // RFC 8428 §5.1.2
        List<ParsedReading> r =
                readings(
                        METER,
                        "[{\"bn\":\"urn:dev:id:pm-105-1-01:\",\"n\":\"voltage\",\"u\":\"V\",\"v\":231.1},"
                                + "{\"n\":\"current\",\"u\":\"A\",\"v\":1.2}]");

        assertThat(r)
                .singleElement()
                .satisfies(
                        one -> {
                            assertThat(one.ts()).isEqualTo(NOW_MS);
                            assertThat(one.metrics())
                                    .containsExactly(
                                            entry("voltageV", 231.1), entry("currentA", 1.2));
                        });
    }

    @Test
    void recordsAtDifferentTimesAreSeveralReadingsOldestFirst() { // RFC 8428 §5.1.3
        List<ParsedReading> r =
                readings(
                        METER,
                        "[{\"bn\":\"urn:dev:id:pm-105-1-01:\",\"bt\":1.7487468e+09,\"bu\":\"A\",\"bver\":5,"
                                + "\"n\":\"voltage\",\"u\":\"V\",\"v\":231.1},"
                                + "{\"n\":\"current\",\"t\":-5,\"v\":1.2},{\"n\":\"current\",\"t\":-4,\"v\":1.3},"
                                + "{\"n\":\"current\",\"t\":-3,\"v\":1.4},{\"n\":\"current\",\"t\":-2,\"v\":1.5},"
                                + "{\"n\":\"current\",\"t\":-1,\"v\":1.6},{\"n\":\"current\",\"v\":1.7}]");

        long bt = 1_748_746_800_000L;
        assertThat(r)
                .extracting(ParsedReading::ts)
                .containsExactly(bt - 5000, bt - 4000, bt - 3000, bt - 2000, bt - 1000, bt);
        assertThat(r.get(0).metrics()).containsExactly(entry("currentA", 1.2));
        assertThat(r.get(5).metrics())
                .containsExactly(entry("voltageV", 231.1), entry("currentA", 1.7));
        assertThat(r).extracting(ParsedReading::sensorId).containsOnly("pm-105-1-01");
    }

    @Test
    void timesBelowTwoToThe28AreRelativeToNowIncludingTheBaseTime() {
        List<ParsedReading> r =
                readings(
                        FOREST,
                        "[{\"bn\":\"fs-105-a1/\",\"bt\":-120,\"n\":\"temperature\",\"u\":\"Cel\",\"v\":30,\"t\":60},"
                                + "{\"n\":\"temperature\",\"u\":\"Cel\",\"v\":31,\"t\":90.5}]");

        assertThat(r)
                .extracting(ParsedReading::ts)
                .containsExactly(NOW_MS - 60_000, NOW_MS - 29_500);
    }

    @Test
    void timesFromTwoToThe28AreAbsoluteEpochSeconds() {
        List<ParsedReading> r =
                readings(
                        FOREST, "[{\"n\":\"temperature\",\"u\":\"Cel\",\"v\":30,\"t\":268435456}]");

        assertThat(r).extracting(ParsedReading::ts).containsExactly(268_435_456_000L);
    }

    @Test
    void baseValueBaseSumAndBaseUnitApplyToLaterRecords() {
        List<ParsedReading> level =
                readings(
                        GAUGE,
                        "[{\"bn\":\"wl-107-muongte/\",\"bu\":\"cm\",\"bv\":28000,\"n\":\"level\",\"v\":650.5}]");
        List<ParsedReading> energy =
                readings(
                        METER,
                        "[{\"bn\":\"pm-105-1-01:\",\"bs\":1000,\"n\":\"energy\",\"u\":\"kWh\",\"s\":234.5}]");

        assertThat(level.get(0).metrics()).containsExactly(entry("waterLevelCm", 28_650.5));
        assertThat(energy.get(0).metrics()).containsExactly(entry("energyWh", 1_234_500.0));
    }

    @Test
    void unitsAreScaledToTheMetricsOwnUnit() {
        assertThat(
                        readings(GAUGE, "[{\"n\":\"waterLevel\",\"u\":\"m\",\"v\":211.5}]")
                                .get(0)
                                .metrics())
                .containsExactly(entry("waterLevelCm", 21_150.0));
        assertThat(readings(GAUGE, "[{\"n\":\"level\",\"u\":\"mm\",\"v\":2865}]").get(0).metrics())
                .containsExactly(entry("waterLevelCm", 286.5));
        assertThat(
                        readings(
                                        FOREST,
                                        "[{\"n\":\"temperature\",\"u\":\"K\",\"v\":300.15},"
                                                + "{\"n\":\"wind\",\"u\":\"km/h\",\"v\":36},"
                                                + "{\"n\":\"humidity\",\"u\":\"%RH\",\"v\":41},"
                                                + "{\"n\":\"rain\",\"u\":\"mm\",\"v\":2.5}]")
                                .get(0)
                                .metrics())
                .containsOnly(
                        entry("temperatureC", 27.0),
                        entry("windSpeedMs", 10.0),
                        entry("humidityPct", 41.0),
                        entry("rainfallMm", 2.5));
        assertThat(
                        readings(
                                        DETECTOR,
                                        "[{\"n\":\"occupancy\",\"u\":\"/\",\"v\":0.35},"
                                                + "{\"n\":\"speed\",\"u\":\"m/s\",\"v\":10}]")
                                .get(0)
                                .metrics())
                .containsOnly(entry("occupancy", 35.0), entry("speedKmh", 36.0));
        assertThat(
                        readings(
                                        METER,
                                        "[{\"n\":\"power\",\"u\":\"kW\",\"v\":1.5},"
                                                + "{\"n\":\"frequency\",\"u\":\"Hz\",\"v\":50.02},"
                                                + "{\"n\":\"energy\",\"u\":\"Wh\",\"v\":812}]")
                                .get(0)
                                .metrics())
                .containsOnly(
                        entry("activePowerW", 1500.0),
                        entry("frequencyHz", 50.02),
                        entry("energyWh", 812.0));
    }

    @Test
    void aNameMeansTheMetricOfTheSensorsDomain() {
        assertThat(readings(FOREST, "[{\"n\":\"co\",\"u\":\"ppm\",\"v\":35}]").get(0).metrics())
                .containsExactly(entry("coPpm", 35.0));
        assertThat(
                        readings(
                                        AIR,
                                        "[{\"n\":\"co\",\"u\":\"ug/m3\",\"v\":3500},"
                                                + "{\"n\":\"pm2.5\",\"u\":\"ug/m3\",\"v\":41.5},{\"n\":\"no2\",\"u\":\"mg/m3\",\"v\":0.25}]")
                                .get(0)
                                .metrics())
                .containsOnly(entry("co", 3500.0), entry("pm25", 41.5), entry("no2", 250.0));
    }

    @Test
    void theNativeMetricKeyAndDimensionlessMetricsNeedNoUnit() {
        assertThat(readings(GAUGE, "[{\"n\":\"waterLevelCm\",\"v\":28650}]").get(0).metrics())
                .containsExactly(entry("waterLevelCm", 28_650.0));
        assertThat(readings(FOREST, "[{\"n\":\"flame\",\"v\":1}]").get(0).metrics())
                .containsExactly(entry("flame", 1.0));
    }

    @Test
    void aBaseNameOfAnotherSensorIsATopicMismatch() {
        assertThat(
                        reason(
                                FOREST,
                                "[{\"bn\":\"urn:dev:id:fs-105-a2:\",\"n\":\"temperature\",\"u\":\"Cel\",\"v\":1}]"))
                .isEqualTo(RejectionReason.TOPIC_MISMATCH);
        assertThat(
                        reason(
                                FOREST,
                                "[{\"bn\":\"fs-105-a10/\",\"n\":\"temperature\",\"u\":\"Cel\",\"v\":1}]"))
                .as("a longer id sharing the prefix is another sensor")
                .isEqualTo(RejectionReason.TOPIC_MISMATCH);
        assertThat(
                        reason(
                                FOREST,
                                "[{\"n\":\"urn:dev:id:other:temperature\",\"u\":\"Cel\",\"v\":1}]"))
                .isEqualTo(RejectionReason.TOPIC_MISMATCH);
    }

    @Test
    void everyRejectionReasonOfAPack() {
        assertThat(parse(FOREST, "[{\"n\":\"pressure\",\"u\":\"Pa\",\"v\":1}]"))
                .isEqualTo(
                        new ParseResult.Failed(
                                RejectionReason.UNKNOWN_METRIC,
                                "SenML record 1 has the name 'pressure', not a measurement of domain forest"
                                        + " (known: temperatureC, temperature, temp, humidityPct, humidity, dewPointC,"
                                        + " dewPoint, dewpoint, rainfallMm, rainfall, rain, windSpeedMs, windSpeed, wind,"
                                        + " smokePpm, smoke, coPpm, co, flame)"));
        assertThat(reason(FOREST, "[{\"n\":\"waterLevel\",\"u\":\"m\",\"v\":1}]"))
                .as("a measurement of another domain")
                .isEqualTo(RejectionReason.UNKNOWN_METRIC);
        assertThat(parse(FOREST, "[{\"n\":\"temperature\",\"u\":\"degF\",\"v\":80}]"))
                .isEqualTo(
                        new ParseResult.Failed(
                                RejectionReason.UNKNOWN_UNIT,
                                "SenML record 1 gives 'temperature' in 'degF' (accepted: Cel, K)"));
        assertThat(reason(FOREST, "[{\"n\":\"humidity\",\"u\":\"%\",\"v\":80}]"))
                .isEqualTo(RejectionReason.UNKNOWN_UNIT);
        assertThat(reason(FOREST, "[{\"n\":\"temperature\",\"v\":20}]"))
                .isEqualTo(RejectionReason.MISSING_FIELD);
        assertThat(reason(FOREST, "[{\"n\":\"temperature\",\"u\":\"Cel\"}]"))
                .isEqualTo(RejectionReason.MISSING_FIELD);
        assertThat(reason(FOREST, "[{\"n\":\"temperature\",\"u\":\"Cel\",\"vs\":\"hot\"}]"))
                .isEqualTo(RejectionReason.NON_NUMERIC_VALUE);
        assertThat(reason(FOREST, "[{\"n\":\"temperature\",\"u\":\"Cel\",\"v\":\"20\"}]"))
                .isEqualTo(RejectionReason.NON_NUMERIC_VALUE);
        assertThat(reason(FOREST, "[{\"n\":\"flame\",\"vb\":true}]"))
                .isEqualTo(RejectionReason.NON_NUMERIC_VALUE);
        assertThat(reason(FOREST, "[1]")).isEqualTo(RejectionReason.MALFORMED);
        assertThat(reason(FOREST, "[{\"n\":\"temperature\",\"u\":\"Cel\",\"v\":1,\"foo_\":1}]"))
                .as("a must-understand field")
                .isEqualTo(RejectionReason.MALFORMED);
        assertThat(reason(FOREST, "[{\"bver\":11,\"n\":\"temperature\",\"u\":\"Cel\",\"v\":1}]"))
                .isEqualTo(RejectionReason.MALFORMED);
        assertThat(reason(FOREST, "[{\"n\":\"temp erature\",\"u\":\"Cel\",\"v\":1}]"))
                .isEqualTo(RejectionReason.MALFORMED);
        assertThat(
                        reason(
                                FOREST,
                                "[{\"n\":\"temp\",\"u\":\"Cel\",\"v\":1},{\"n\":\"temperature\",\"u\":\"Cel\",\"v\":2}]"))
                .as("one metric twice at one time")
                .isEqualTo(RejectionReason.MALFORMED);
        assertThat(reason(FOREST, "[{\"bn\":7,\"n\":\"temp\",\"u\":\"Cel\",\"v\":1}]"))
                .isEqualTo(RejectionReason.MALFORMED);
        assertThat(reason(FOREST, "[{\"n\":\"temp\",\"u\":\"Cel\",\"v\":1}] []"))
                .isEqualTo(RejectionReason.MALFORMED);
        assertThat(reason(FOREST, "[]")).isEqualTo(RejectionReason.EMPTY_METRICS);
        assertThat(reason(FOREST, "[{\"bn\":\"fs-105-a1/\",\"bt\":1.7e9}]"))
                .isEqualTo(RejectionReason.EMPTY_METRICS);
        assertThat(reason(FOREST, "[{\"n\":\"temp\",\"u\":\"Cel\",\"v\":1,\"t\":NaN}]"))
                .isEqualTo(RejectionReason.BAD_TIMESTAMP);
        assertThat(reason(FOREST, "[{\"n\":\"temp\",\"u\":\"Cel\",\"v\":1,\"t\":1e300}]"))
                .isEqualTo(RejectionReason.BAD_TIMESTAMP);
        assertThat(reason(FOREST, "[{\"n\":\"temp\",")).isEqualTo(RejectionReason.NOT_JSON);
    }

    @Test
    void contentDecidesTheFormatAnArrayIsSenmlAnythingElseNative() {
        assertThat(PayloadFormats.isSenml(" \n\t[{}]".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(PayloadFormats.isSenml("{\"sensorId\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(PayloadFormats.isSenml(new byte[0])).isFalse();
        assertThat(
                        readings(
                                GAUGE,
                                "{\"sensorId\":\"wl-107-muongte\",\"ts\":1,\"metrics\":{\"waterLevelCm\":1}}"))
                .containsExactly(
                        new ParsedReading("wl-107-muongte", 1, -1, Map.of("waterLevelCm", 1.0)));
    }
}
