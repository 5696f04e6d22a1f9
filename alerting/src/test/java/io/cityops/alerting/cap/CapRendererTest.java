package io.cityops.alerting.cap;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.alerting.testing.Alerts;
import io.cityops.alerting.testing.Signals;
import io.cityops.model.Alert;
import io.cityops.model.AlertState;
import io.cityops.model.Domain;
import io.cityops.model.Severity;
import io.cityops.model.city.CityModelLoader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CAP output checked against the CAP 1.2 XML schema (test resource cap/CAP-v1.2.xsd). */
class CapRendererTest {
    private static final CapRenderer RENDERER = new CapRenderer(CityModelLoader.sample());
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        schema =
                SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                        .newSchema(CapRendererTest.class.getResource("/cap/CAP-v1.2.xsd"));
    }

    @Test
    void raisedAlertIsAValidCapAlertWithMappedSeverityAndCategory() throws Exception {
        String xml = RENDERER.render(Alerts.muongTeRaised());

        validate(xml);
        assertThat(xml)
                .contains("<msgType>Alert</msgType>")
                .contains("<category>Env</category>")
                .contains("<severity>Severe</severity>")
                .contains("<urgency>Immediate</urgency>")
                .contains("<sent>2025-07-01T13:00:00+07:00</sent>")
                .contains("<areaDesc>Huyện Mường Tè</areaDesc>")
                .contains("<circle>22.51908,102.48903 2.0</circle>");
    }

    @Test
    void clearedAlertIsAValidAllClearUpdateReferencingTheAlert() throws Exception {
        Alert cleared = Alerts.version(Signals.MUONG_TE_ALERT, 4, "CLEAR", List.of("rescue-north"));
        String xml = RENDERER.render(cleared);

        validate(xml);
        assertThat(xml)
                .contains("<msgType>Update</msgType>")
                .contains("<urgency>Past</urgency>")
                .contains("<responseType>AllClear</responseType>")
                .contains(
                        "<references>cityops@12,cityops.water.level:rs-107-muongte."
                                + Signals.T0
                                + ",2025-07-01T13:00:00+07:00</references>");
    }

    @Test
    void everyDomainAndSeverityRendersValidCap() throws Exception {
        for (Domain d : Domain.values()) {
            for (Severity s : Severity.values()) {
                Alert a =
                        new Alert(
                                d.name().toLowerCase() + ".test:subject <&> 1",
                                1,
                                d.name().toLowerCase() + ".test",
                                "subject <&> 1",
                                d,
                                s,
                                AlertState.ACTIVE,
                                false,
                                null,
                                List.of(),
                                Signals.T0,
                                Signals.T0,
                                "test/v1",
                                "RAISE",
                                "Héadline with <markup> & ampersands",
                                Map.of("k", "v"));
                String xml = RENDERER.render(a);
                validate(xml);
                assertThat(xml).contains("<severity>" + s.capSeverity() + "</severity>");
            }
        }
    }

    private static void validate(String xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }
}
