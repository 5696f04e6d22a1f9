package io.cityops.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.ingest.parse.NativeReadingParser;
import io.cityops.ingest.validate.ReadingValidator;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.RejectedReading;
import io.cityops.model.RejectionReason;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageRouterTest {
    private static final Instant NOW = Instant.parse("2025-06-01T03:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final MessageRouter router =
            new MessageRouter(
                    new ReadingValidator(
                            CityModelLoader.sample(),
                            new NativeReadingParser(),
                            16_384,
                            Duration.ofMinutes(5),
                            clock),
                    clock);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readingGoesToItsDomainTopicKeyedBySensorId() {
        String payload =
                "{\"sensorId\":\"wl-107-muongte\",\"ts\":\"2025-06-01T09:55:00+07:00\",\"seq\":12,"
                        + "\"metrics\":{\"waterLevelCm\":28712}}";

        Outbound out = router.route("sensors/environment/wl-107-muongte", utf8(payload));

        assertThat(out.kafkaTopic()).isEqualTo("readings.environment");
        assertThat(out.key()).isEqualTo(utf8("wl-107-muongte"));
        assertThat(JsonCodec.READING.decode(out.value()))
                .isEqualTo(
                        new Reading(
                                "wl-107-muongte",
                                Domain.ENVIRONMENT,
                                NOW.minusSeconds(300).toEpochMilli(),
                                12,
                                Map.of("waterLevelCm", 28_712.0)));
    }

    @Test
    void rejectionCarriesTheOriginalBytesTheReasonAndTheTopicsSensor() {
        byte[] payload = {'{', '"', 's', (byte) 0xc3, 0x28, '}'}; // not even valid UTF-8

        Outbound out = router.route("sensors/traffic/td-105-1u", payload);

        assertThat(out.kafkaTopic()).isEqualTo("readings.rejected");
        assertThat(out.key()).isEqualTo(utf8("td-105-1u"));
        RejectedReading rejected = JsonCodec.REJECTED.decode(out.value());
        assertThat(rejected.reason()).isEqualTo(RejectionReason.NOT_JSON);
        assertThat(rejected.detail()).startsWith("not JSON");
        assertThat(rejected.topic()).isEqualTo("sensors/traffic/td-105-1u");
        assertThat(rejected.sensorId()).isEqualTo("td-105-1u");
        assertThat(rejected.receivedAt()).isEqualTo(NOW.toEpochMilli());
        assertThat(Base64.getDecoder().decode(rejected.payloadBase64())).isEqualTo(payload);
    }

    @Test
    void rejectionOnATopicNamingNoSensorIsKeyedByTheTopic() {
        Outbound out = router.route("sensors/weather/station-9", utf8("{}"));

        RejectedReading rejected = JsonCodec.REJECTED.decode(out.value());
        assertThat(rejected.reason()).isEqualTo(RejectionReason.BAD_TOPIC);
        assertThat(rejected.sensorId()).isEmpty();
        assertThat(out.key()).isEqualTo(utf8("sensors/weather/station-9"));
    }
}
