package io.cityops.simulator.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.cityops.model.config.Settings;
import io.cityops.simulator.replay.ReplayReport.Gap;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The replayer's reading of real recordings (slices of the files in the project's recorded data,
 * see src/test/resources/replay/README.md), with the counts of every quirk they hold.
 */
class RecordingReaderTest {

    static Path resource(String name) {
        try {
            return Path.of(RecordingReaderTest.class.getResource("/replay/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> keys(String... keyThenValue) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < keyThenValue.length; i += 2) {
            m.put(keyThenValue[i], keyThenValue[i + 1]);
        }
        return m;
    }

    static Recording read(String file, Map<String, String> keys) throws IOException {
        Map<String, String> all = new HashMap<>(keys);
        all.put("replay.file", resource(file).toString());
        all.putIfAbsent("replay.sensor", "any");
        return new RecordingReader(ReplayConfig.from(Settings.of(all))).read();
    }

    @Test
    void hubEauFileRunsNewestFirstIsSortedAndItsGapsAreReportedNotFilled() throws IOException {
        Recording r =
                read(
                        "hubeau_Y0634020_Agly_2020-01-17_20.csv",
                        keys(
                                "replay.separator", ";",
                                "replay.time.columns", "date_obs",
                                "replay.metrics", "waterLevelCm",
                                "replay.metric.waterLevelCm.column", "resultat_obs",
                                "replay.metric.waterLevelCm.factor", "0.1"));

        ReplayReport report = r.report();
        assertThat(report.rows()).isEqualTo(568);
        assertThat(report.newestFirst()).isTrue();
        assertThat(report.outOfOrderRows()).isZero();
        assertThat(report.duplicates()).isZero();
        assertThat(report.samples()).isEqualTo(568);
        assertThat(report.step()).isEqualTo(Duration.ofMinutes(10));
        assertThat(report.gaps())
                .containsExactly(
                        gap("2020-01-17T14:20:00Z", "2020-01-17T14:50:00Z"),
                        gap("2020-01-18T16:00:00Z", "2020-01-18T16:20:00Z"),
                        gap("2020-01-19T09:00:00Z", "2020-01-19T09:50:00Z"),
                        gap("2020-01-20T15:00:00Z", "2020-01-20T15:20:00Z"));
        assertThat(r.samples().get(0).recordedAt())
                .isEqualTo(Instant.parse("2020-01-17T00:00:00Z").toEpochMilli());
        assertThat(r.samples().get(567).recordedAt())
                .isEqualTo(Instant.parse("2020-01-20T23:50:00Z").toEpochMilli());
        assertThat(r.samples().get(0).metrics()).containsExactly(entry("waterLevelCm", 536.0));
    }

    @Test
    void airQualityMinus200IsMissingDecimalCommaAndLocalTimeAreRead() throws IOException {
        Recording r =
                read(
                        "AirQualityUCI_2004-03-10_12.csv",
                        keys(
                                "replay.separator", ";",
                                "replay.decimal-comma", "true",
                                "replay.time.columns", "Date,Time",
                                "replay.time.format", "dd/MM/yyyy HH.mm.ss",
                                "replay.time.zone", "Europe/Rome",
                                "replay.metrics", "co,no2,temperatureC,humidityPct",
                                "replay.metric.co.column", "CO(GT)",
                                "replay.metric.co.factor", "1000",
                                "replay.metric.no2.column", "NO2(GT)",
                                "replay.metric.temperatureC.column", "T",
                                "replay.metric.humidityPct.column", "RH"));

        ReplayReport report = r.report();
        assertThat(report.rows()).isEqualTo(50);
        assertThat(report.blankRows()).as("the export's trailing ;;;; lines").isEqualTo(2);
        assertThat(report.missing())
                .containsOnly(
                        entry("co", 3L),
                        entry("no2", 3L),
                        entry("temperatureC", 0L),
                        entry("humidityPct", 0L));
        assertThat(report.samples()).isEqualTo(48);
        assertThat(report.gaps()).isEmpty();
        Sample first = r.samples().get(0);
        assertThat(first.recordedAt())
                .as("18:00 in Italy in March is 17:00 UTC")
                .isEqualTo(Instant.parse("2004-03-10T17:00:00Z").toEpochMilli());
        assertThat(first.metrics())
                .containsOnly(
                        entry("co", 2600.0),
                        entry("no2", 113.0),
                        entry("temperatureC", 13.6),
                        entry("humidityPct", 48.9));
    }

    @Test
    void householdMeterQuestionMarksSkipTheMetricAndEmptyInstantsAreNotReplayed()
            throws IOException {
        Recording r =
                read(
                        "uci_household_power_2006-12-21_11h.csv",
                        keys(
                                "replay.time.columns", "Date,Time",
                                "replay.time.format", "dd/MM/yyyy HH:mm:ss",
                                "replay.time.zone", "Europe/Paris",
                                "replay.metrics", "voltageV,currentA,activePowerW",
                                "replay.metric.voltageV.column", "Voltage",
                                "replay.metric.currentA.column", "Global_intensity",
                                "replay.metric.activePowerW.column", "Global_active_power",
                                "replay.metric.activePowerW.factor", "1000"));

        ReplayReport report = r.report();
        assertThat(report.rows()).isEqualTo(60);
        assertThat(report.missing())
                .containsOnly(
                        entry("voltageV", 2L), entry("currentA", 2L), entry("activePowerW", 2L));
        assertThat(report.emptyInstants()).as("the two-minute dropout").isEqualTo(2);
        assertThat(report.samples()).isEqualTo(58);
        assertThat(r.samples())
                .extracting(Sample::recordedAt)
                .doesNotContain(
                        Instant.parse("2006-12-21T10:23:00Z").toEpochMilli(),
                        Instant.parse("2006-12-21T10:24:00Z").toEpochMilli());
    }

    @Test
    void metroTrafficDuplicatesAreDroppedAndCountedAndMissingHoursAreGaps() throws IOException {
        Recording r =
                read(
                        "Metro_Interstate_Traffic_Volume_2012-10-09_10.csv",
                        keys(
                                "replay.time.columns", "date_time",
                                "replay.time.zone", "America/Chicago",
                                "replay.metrics", "vehicleCount",
                                "replay.metric.vehicleCount.column", "traffic_volume"));

        ReplayReport report = r.report();
        assertThat(report.rows()).isEqualTo(47);
        assertThat(report.newestFirst()).isFalse();
        assertThat(report.duplicates()).isEqualTo(3);
        assertThat(report.samples()).isEqualTo(44);
        assertThat(report.step()).isEqualTo(Duration.ofHours(1));
        assertThat(report.gaps())
                .containsExactly(
                        gap("2012-10-09T07:00:00Z", "2012-10-09T09:00:00Z"),
                        gap("2012-10-10T08:00:00Z", "2012-10-10T11:00:00Z"),
                        gap("2012-10-10T21:00:00Z", "2012-10-10T23:00:00Z"));
    }

    @Test
    void impossibleValuesAreSkippedAndCounted() throws IOException {
        Recording r =
                read(
                        "Metro_Interstate_Traffic_Volume_2014-01-30_02-02.csv",
                        keys(
                                "replay.time.columns", "date_time",
                                "replay.time.zone", "America/Chicago",
                                "replay.metrics", "temperatureC,rainfallMm",
                                "replay.metric.temperatureC.column", "temp",
                                "replay.metric.temperatureC.offset", "-273.15",
                                "replay.metric.rainfallMm.column", "rain_1h"));

        ReplayReport report = r.report();
        assertThat(report.rows()).isEqualTo(80);
        assertThat(report.impossible())
                .as("the sensor's 0 K readings are -273.15 °C")
                .containsOnly(entry("temperatureC", 10L), entry("rainfallMm", 0L));
        assertThat(report.samples()).isEqualTo(80);
    }

    @Test
    void aValidRangeInTheRecordingsUnitRejectsOutliersBeforeConversion() throws IOException {
        Recording r =
                read(
                        "Metro_Interstate_Traffic_Volume_2014-01-30_02-02.csv",
                        keys(
                                "replay.time.columns", "date_time",
                                "replay.metrics", "temperatureC",
                                "replay.metric.temperatureC.column", "temp",
                                "replay.metric.temperatureC.offset", "-273.15",
                                "replay.metric.temperatureC.valid-range", "200..330"));

        assertThat(r.report().impossible()).containsExactly(entry("temperatureC", 10L));
        assertThat(r.report().emptyInstants()).isEqualTo(10);
        assertThat(r.report().samples()).isEqualTo(70);
    }

    @Test
    void theSliceIsCutAndATargetRangeMapsTheSlicesMinAndMax() throws IOException {
        Recording r =
                read(
                        "hubeau_Y0634020_Agly_2020-01-17_20.csv",
                        keys(
                                "replay.separator", ";",
                                "replay.time.columns", "date_obs",
                                "replay.from", "2020-01-20T00:00:00Z",
                                "replay.to", "2020-01-21T00:00:00Z",
                                "replay.metrics", "waterLevelCm",
                                "replay.metric.waterLevelCm.column", "resultat_obs",
                                "replay.metric.waterLevelCm.target-range", "20000..21000"));

        assertThat(r.report().outsideSlice()).isEqualTo(568 - 143);
        assertThat(r.report().samples()).isEqualTo(143);
        assertThat(r.samples())
                .extracting(s -> s.metrics().get("waterLevelCm"))
                .contains(20_000.0, 21_000.0)
                .allMatch(v -> v >= 20_000 && v <= 21_000);
    }

    /**
     * The committed sample configuration against the whole recording, when the project's recorded
     * data sits beside the repository (as on the project's machines; CI clones may lack it).
     */
    @Test
    void sampleConfigurationReadsTheWholeGloriaRecording() throws IOException {
        Path file =
                Path.of("..")
                        .resolve(
                                "../shared/data/water/hubeau_2020-01_gloria/H_Y0634020_Agly_10min.csv");
        Assumptions.assumeTrue(Files.exists(file), "recorded data not present at " + file);
        Map<String, String> keys = ReplayerTest.sampleConfig();
        keys.put("replay.from", "2020-01-21T00:00:00Z");
        keys.put("replay.to", "2020-01-26T00:00:00Z");
        keys.put("replay.file", file.toString());

        ReplayReport report =
                new RecordingReader(ReplayConfig.from(Settings.of(keys))).read().report();

        assertThat(report.rows()).isEqualTo(4307);
        assertThat(report.newestFirst()).isTrue();
        assertThat(report.duplicates()).isZero();
        assertThat(report.outsideSlice()).isEqualTo(4307 - 720);
        assertThat(report.samples()).isEqualTo(720);
        assertThat(report.gaps()).isEmpty();
    }

    private static Gap gap(String after, String before) {
        return new Gap(Instant.parse(after), Instant.parse(before));
    }
}
