package io.cityops.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.ingest.parse.PayloadFormats;
import io.cityops.model.Reading;
import io.cityops.model.RejectionReason;
import io.cityops.model.city.CityModelLoader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A SenML pack is validated reading by reading, and accepted or rejected as one message. */
class SenmlPackValidationTest {
    private static final Instant NOW = Instant.parse("2025-06-01T03:00:00Z");
    private static final String TOPIC = "sensors/environment/wl-107-muongte";
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ReadingValidator validator =
            new ReadingValidator(
                    CityModelLoader.sample(),
                    new PayloadFormats(clock),
                    16_384,
                    Duration.ofMinutes(5),
                    clock);

    private ValidationOutcome validate(String pack) {
        return validator.validate(TOPIC, pack.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyReadingOfAValidPackIsAccepted() {
        ValidationOutcome outcome =
                validate(
                        "[{\"bn\":\"urn:dev:id:wl-107-muongte:\",\"bu\":\"m\",\"n\":\"level\",\"v\":286.5,\"t\":-600},"
                                + "{\"n\":\"level\",\"v\":286.7}]");

        assertThat(((ValidationOutcome.Accepted) outcome).readings())
                .extracting(Reading::ts, r -> r.metrics().get("waterLevelCm"))
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(
                                NOW.toEpochMilli() - 600_000, 28_650.0),
                        org.assertj.core.api.Assertions.tuple(NOW.toEpochMilli(), 28_670.0));
    }

    @Test
    void oneImpossibleReadingRejectsThePackAndSaysWhichReading() {
        ValidationOutcome outcome =
                validate(
                        "[{\"bn\":\"wl-107-muongte/\",\"bt\":1748746200,\"bu\":\"m\",\"n\":\"level\",\"v\":286.5},"
                                + "{\"n\":\"level\",\"v\":-200,\"t\":600}]");

        assertThat(outcome)
                .isEqualTo(
                        new ValidationOutcome.Rejected(
                                RejectionReason.OUT_OF_RANGE,
                                "reading 2 of 2 (ts 2025-06-01T03:00:00Z): metric 'waterLevelCm'"
                                        + " = -20000 cm is outside the possible range [-10000,"
                                        + " 1000000]"));
    }

    @Test
    void aRelativeTimeAnHourAheadIsInTheFuture() {
        ValidationOutcome outcome = validate("[{\"n\":\"waterLevelCm\",\"v\":28650,\"t\":3600}]");

        assertThat(((ValidationOutcome.Rejected) outcome).reason())
                .isEqualTo(RejectionReason.FUTURE_TIMESTAMP);
    }
}
