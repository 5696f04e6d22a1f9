package io.cityops.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.alerting.testing.Alerts;
import io.cityops.model.Alert;
import io.cityops.model.Topics;
import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class AlertRecordSerializerTest {
    @Test
    void alertVersionIsKeyedByAlertIdOnTheAlertsTopic() {
        Alert alert = Alerts.muongTeRaised();

        ProducerRecord<byte[], byte[]> record =
                new AlertRecordSerializer().serialize(alert, null, 42L);

        assertThat(record.topic()).isEqualTo(Topics.ALERTS);
        assertThat(new String(record.key(), StandardCharsets.UTF_8))
                .isEqualTo("water.level:rs-107-muongte");
        assertThat(JsonCodec.ALERT.decode(record.value())).isEqualTo(alert);
    }
}
