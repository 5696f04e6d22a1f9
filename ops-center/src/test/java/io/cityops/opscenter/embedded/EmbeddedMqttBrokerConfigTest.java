package io.cityops.opscenter.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.embedded.EmbeddedHiveMQ;
import io.cityops.model.config.Settings;
import java.io.StringReader;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/**
 * The embedded broker's {@code config.xml} validates against the schema shipped inside HiveMQ CE.
 * HiveMQ does not refuse an invalid file: it logs an error and starts on its defaults (all
 * interfaces, port 1883, 1 000 queued messages per client, which silently drops readings), so an
 * invalid config must fail here rather than in production.
 */
class EmbeddedMqttBrokerConfigTest {

    private static Validator hivemqSchema() throws SAXException {
        var xsd = EmbeddedHiveMQ.class.getResource("/config.xsd");
        assertThat(xsd).as("HiveMQ CE ships its config schema").isNotNull();
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(xsd)
                .newValidator();
    }

    private static void validate(String xml) throws Exception {
        hivemqSchema().validate(new StreamSource(new StringReader(xml.strip())));
    }

    @Test
    void fileAndInMemoryConfigsAreValidHiveMqConfigs() throws Exception {
        for (MqttBrokerTuning.Persistence p : MqttBrokerTuning.Persistence.values()) {
            String xml =
                    EmbeddedMqttBroker.configXml(
                            11883, "127.0.0.1", 1_000_000, new MqttBrokerTuning(p, 1024));
            validate(xml);
            assertThat(xml)
                    .contains("<port>11883</port>")
                    .contains("<bind-address>127.0.0.1</bind-address>")
                    .contains("<max-queue-size>1000000</max-queue-size>")
                    .contains("<mode>" + p.hivemqMode() + "</mode>");
        }
    }

    @Test
    void theSchemaCheckCatchesAnUnknownPersistenceMode() {
        String bad =
                EmbeddedMqttBroker.configXml(11883, "127.0.0.1", 10, MqttBrokerTuning.defaults())
                        .replace("<mode>file</mode>", "<mode>file-based</mode>");
        assertThatThrownBy(() -> validate(bad)).isInstanceOf(SAXException.class);
    }

    @Test
    void tuningComesFromSettingsWithDurableQueuesByDefault() {
        assertThat(MqttBrokerTuning.from(Settings.of(Map.of())))
                .isEqualTo(
                        new MqttBrokerTuning(
                                MqttBrokerTuning.Persistence.FILE,
                                MqttBrokerTuning.DEFAULT_WINDOW));
        assertThat(
                        MqttBrokerTuning.from(
                                Settings.of(
                                        Map.of(
                                                MqttBrokerTuning.PERSISTENCE, "in-memory",
                                                MqttBrokerTuning.INFLIGHT_WINDOW, "200"))))
                .isEqualTo(new MqttBrokerTuning(MqttBrokerTuning.Persistence.IN_MEMORY, 200));
    }

    @Test
    void badTuningIsRefusedWithTheKeyNamed() {
        assertThatThrownBy(
                        () ->
                                MqttBrokerTuning.from(
                                        Settings.of(
                                                Map.of(MqttBrokerTuning.PERSISTENCE, "rocksdb"))))
                .hasMessageContaining(MqttBrokerTuning.PERSISTENCE);
        assertThatThrownBy(
                        () ->
                                MqttBrokerTuning.from(
                                        Settings.of(Map.of(MqttBrokerTuning.INFLIGHT_WINDOW, "0"))))
                .hasMessageContaining(MqttBrokerTuning.INFLIGHT_WINDOW);
    }
}
