package io.cityops.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.ingest.parse.PayloadFormats;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageRouterTest {
    private static final Instant NOW = Instant.parse("2025-06-01T03:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final MessageRouter router =
            new MessageRouter(
                    new ReadingValidator(
                            CityModelLoader.sample(),
                            new PayloadFormats(clock),
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

        Outbound out = router.route("sensors/environment/wl-107-muongte", utf8(payload)).get(0);

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

        Outbound out = router.route("sensors/traffic/td-105-1u", payload).get(0);

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
        Outbound out = router.route("sensors/weather/station-9", utf8("{}")).get(0);

        RejectedReading rejected = JsonCodec.REJECTED.decode(out.value());
        assertThat(rejected.reason()).isEqualTo(RejectionReason.BAD_TOPIC);
        assertThat(rejected.sensorId()).isEmpty();
        assertThat(out.key()).isEqualTo(utf8("sensors/weather/station-9"));
    }

    @Test
    void senmlPackWithThreeTimesIsThreeRecordsInTimeOrderOnTheDomainTopic() {
        String pack =
                "[{\"bn\":\"urn:dev:id:wl-107-muongte:\",\"bt\":1748746500,\"bu\":\"m\",\"n\":\"level\","
                        + "\"v\":286.5,\"t\":120},{\"n\":\"level\",\"v\":286.3,\"t\":0},"
                        + "{\"n\":\"level\",\"v\":286.4,\"t\":60}]";

        List<Outbound> out = router.route("sensors/environment/wl-107-muongte", utf8(pack));

        assertThat(out).extracting(Outbound::kafkaTopic).containsOnly("readings.environment");
        assertThat(out)
                .extracting(o -> JsonCodec.READING.decode(o.value()))
                .extracting(Reading::ts, r -> r.metrics().get("waterLevelCm"))
                .containsExactly(
                        tuple(1_748_746_500_000L, 28_630.0),
                        tuple(1_748_746_560_000L, 28_640.0),
                        tuple(1_748_746_620_000L, 28_650.0));
    }
}
