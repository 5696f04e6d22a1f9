package io.cityops.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTest {
    @Test
    void readingRoundTripsWithItsMetricNames() {
        Reading r =
                new Reading(
                        "wl-107-muongte",
                        Domain.ENVIRONMENT,
                        1_700_000_000_000L,
                        42,
                        Map.of("waterLevelCm", 28_650.5));
        byte[] json = JsonCodec.READING.encode(r);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"waterLevelCm\":28650.5");
        assertThat(JsonCodec.READING.decode(json)).isEqualTo(r);
    }

    @Test
    void signalKeepsItsAlertKey() {
        Signal s =
                new Signal(
                        "water.level",
                        "rs-1",
                        Domain.ENVIRONMENT,
                        SignalAction.RAISE,
                        Severity.MAJOR,
                        "107",
                        1L,
                        "det",
                        "msg",
                        Map.of("level", "2"));
        Signal back = JsonCodec.SIGNAL.decode(JsonCodec.SIGNAL.encode(s));
        assertThat(back).isEqualTo(s);
        assertThat(back.alertKey()).isEqualTo("water.level:rs-1");
    }

    @Test
    void aRecordMissingARequiredFieldIsRefusedWithTheFieldName() {
        assertThatThrownBy(
                        () ->
                                JsonCodec.READING.decode(
                                        "{\"ts\":1,\"metrics\":{}}"
                                                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonCodecException.class)
                .hasMessageContaining("sensorId");
    }
}
