package io.cityops.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.ingest.parse.NativeReadingParser;
import io.cityops.ingest.registry.LiveSensorRegistry;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.RejectionReason;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.GeoPoint;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import io.cityops.model.city.SensorRegistration;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator judging sensors by a live registry: added, moved and retired sensors. */
class LiveRegistryValidationTest {
    private static final CityModel CITY = CityModelLoader.sample();
    private static final Instant NOW = Instant.parse("2025-06-01T03:00:00Z");
    private static final String NEW_ID = "wl-200-muongte-b";
    private static final Sensor NEW_GAUGE =
            new Sensor(
                    NEW_ID,
                    SensorKind.RIVER_GAUGE,
                    "107",
                    "rs-107-muongte",
                    new GeoPoint(22.38, 102.83),
                    300);

    private final LiveSensorRegistry registry = new LiveSensorRegistry(CITY.sensors());
    private final ReadingValidator validator =
            new ReadingValidator(
                    registry,
                    new NativeReadingParser(),
                    16_384,
                    Duration.ofMinutes(5),
                    Clock.fixed(NOW, ZoneOffset.UTC));

    private ValidationOutcome level(String topic, String sensorId) {
        String json =
                "{\"sensorId\":\"%s\",\"ts\":%d,\"seq\":1,\"metrics\":{\"waterLevelCm\":28650.5}}"
                        .formatted(sensorId, NOW.toEpochMilli());
        return validator.validate(topic, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSensorIsUnknownUntilRegisteredThenAccepted() {
        assertThat(level("sensors/environment/" + NEW_ID, NEW_ID))
                .isEqualTo(
                        new ValidationOutcome.Rejected(
                                RejectionReason.UNKNOWN_SENSOR,
                                "sensor '" + NEW_ID + "' is not registered"));

        registry.apply(SensorRegistration.of(NEW_GAUGE));

        assertThat(level("sensors/environment/" + NEW_ID, NEW_ID))
                .isEqualTo(
                        new ValidationOutcome.Accepted(
                                java.util.List.of(
                                        new Reading(
                                                NEW_ID,
                                                Domain.ENVIRONMENT,
                                                NOW.toEpochMilli(),
                                                1,
                                                Map.of("waterLevelCm", 28650.5)))));
    }

    @Test
    void anAddedSensorMustPublishUnderItsOwnDomain() {
        registry.apply(SensorRegistration.of(NEW_GAUGE));

        ValidationOutcome outcome = level("sensors/forest/" + NEW_ID, NEW_ID);

        assertThat(outcome).isInstanceOf(ValidationOutcome.Rejected.class);
        assertThat(((ValidationOutcome.Rejected) outcome).reason())
                .isEqualTo(RejectionReason.TOPIC_MISMATCH);
    }

    @Test
    void aRetiredCityModelSensorIsRejectedAsRetired() {
        registry.apply(SensorRegistration.retirement("wl-107-muongte"));

        assertThat(level("sensors/environment/wl-107-muongte", "wl-107-muongte"))
                .isEqualTo(
                        new ValidationOutcome.Rejected(
                                RejectionReason.UNKNOWN_SENSOR,
                                "sensor 'wl-107-muongte' is retired from the registry"));
    }
}
