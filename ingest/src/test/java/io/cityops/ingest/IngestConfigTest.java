package io.cityops.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cityops.model.config.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IngestConfigTest {
    @Test
    void defaultsAreTheAllInOnesLoopbackEndpointsAndTheIssuesLimits() {
        IngestConfig c = IngestConfig.from(Settings.of(Map.of()));

        assertThat(c)
                .isEqualTo(
                        new IngestConfig(
                                "tcp://127.0.0.1:11883",
                                Optional.empty(),
                                Optional.empty(),
                                "cityops-ingest-1",
                                "127.0.0.1:19092",
                                16_384,
                                Duration.ofMinutes(5),
                                Duration.ofHours(1),
                                true,
                                Duration.ofSeconds(30)));
    }

    @Test
    void commandLineKeysOverrideEveryField() {
        IngestConfig c =
                IngestConfig.from(
                        Settings.fromArgs(
                                new String[] {
                                    "--mqtt.uri=tcp://127.0.0.1:21883",
                                    "--mqtt.username=bridge",
                                    "--mqtt.password=s3cret",
                                    "--ingest.client-id=cityops-ingest-2",
                                    "--kafka.bootstrap=127.0.0.1:29092",
                                    "--ingest.max-payload-bytes=4096",
                                    "--ingest.future-tolerance=30s",
                                    "--ingest.session-expiry=2h",
                                    "--ingest.registry.follow=false",
                                    "--ingest.registry.catch-up-timeout=5s"
                                }));

        assertThat(c)
                .isEqualTo(
                        new IngestConfig(
                                "tcp://127.0.0.1:21883",
                                Optional.of("bridge"),
                                Optional.of("s3cret"),
                                "cityops-ingest-2",
                                "127.0.0.1:29092",
                                4096,
                                Duration.ofSeconds(30),
                                Duration.ofHours(2),
                                false,
                                Duration.ofSeconds(5)));
    }

    @Test
    void passwordNeverAppearsInTheLoggedForm() {
        IngestConfig c = IngestConfig.from(Settings.of(Map.of("mqtt.password", "s3cret")));

        assertThat(c.toString()).doesNotContain("s3cret").contains("mqttPassword=***");
    }

    @Test
    void sessionExpiryBeyondWhatMqttCanCarryIsRefused() {
        Settings s = Settings.of(Map.of("ingest.session-expiry", "PT1193047H"));

        assertThatThrownBy(() -> IngestConfig.from(s))
                .hasMessageContaining("ingest.session-expiry");
    }
}
