package io.cityops.bench.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.ingest.parse.PayloadFormats;
import io.cityops.ingest.validate.ReadingValidator;
import io.cityops.ingest.validate.ValidationOutcome;
import io.cityops.model.Topics;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's inputs are what they claim to be (a smoke test of seconds; nothing here is
 * timed): the synthetic provinces are valid city models of the stated size and mix, and every
 * generated payload passes the bridge's own validation, so the benchmarks measure accepted
 * readings, not rejections.
 */
class BenchInputsTest {
    private static final long TS = Instant.parse("2026-11-23T12:00:00Z").toEpochMilli();

    @Test
    void syntheticProvinceCopiesTheSampleFleetWithOwnStationsAndSegments() {
        CityModel sample = CityModelLoader.sample();
        CityModel city = SyntheticCity.copies(sample, 3);

        assertThat(city.sensors()).hasSize(3 * sample.sensors().size());
        assertThat(city.riverStations()).hasSize(3 * sample.riverStations().size());
        assertThat(city.roadSegments()).hasSize(3 * sample.roadSegments().size());
        assertThat(city.districts()).hasSize(sample.districts().size());
        assertThat(kinds(city))
                .isEqualTo(
                        kinds(sample).entrySet().stream()
                                .collect(
                                        Collectors.toMap(
                                                Map.Entry::getKey, e -> 3 * e.getValue())));
        Sensor copy = city.sensor("wl-107-muongte-x2").orElseThrow();
        assertThat(copy.subjectId()).isEqualTo("rs-107-muongte-x2");
        assertThat(city.riverStation("rs-107-muongte-x2").orElseThrow().level1Cm())
                .isEqualTo(city.riverStation("rs-107-muongte").orElseThrow().level1Cm());
    }

    @Test
    void withAtLeastRoundsUpToWholeCopies() {
        assertThat(SyntheticCity.withAtLeast(1_000).sensors()).hasSize(999 + 333);
        assertThat(SyntheticCity.withAtLeast(333).sensors()).hasSize(333);
    }

    @Test
    void everyGeneratedPayloadIsAcceptedByTheBridgeValidator() {
        CityModel city = CityModelLoader.sample();
        Clock clock = Clock.fixed(Instant.ofEpochMilli(TS + 1000), ZoneOffset.UTC);
        ReadingValidator validator =
                new ReadingValidator(
                        city, new PayloadFormats(clock), 16_384, Duration.ofMinutes(5), clock);
        Payloads payloads = new Payloads(city);
        int seq = 0;
        for (Sensor s : city.sensors()) {
            for (double wobble : new double[] {0, 0.5, 1}) {
                ValidationOutcome out =
                        validator.validate(
                                Topics.sensor(s.domain(), s.id()),
                                payloads.reading(s, TS, seq++, wobble));
                assertThat(out).as(s.id()).isInstanceOf(ValidationOutcome.Accepted.class);
            }
        }
        Sensor gauge =
                city.sensors().stream()
                        .filter(s -> s.kind() == SensorKind.RIVER_GAUGE)
                        .findFirst()
                        .orElseThrow();
        ValidationOutcome senml =
                validator.validate(
                        Topics.sensor(gauge.domain(), gauge.id()),
                        Payloads.senmlRiverLevel(gauge.id(), TS, 28_456.0));
        assertThat(senml).isInstanceOf(ValidationOutcome.Accepted.class);
        assertThat(((ValidationOutcome.Accepted) senml).readings().get(0).metrics())
                .containsEntry("waterLevelCm", 28_456.0);
    }

    private static Map<SensorKind, Long> kinds(CityModel city) {
        return city.sensors().stream()
                .collect(Collectors.groupingBy(Sensor::kind, Collectors.counting()));
    }
}
