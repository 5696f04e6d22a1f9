package io.cityops.alerting.cap;

import io.cityops.model.Alert;
import io.cityops.model.AlertChange;
import io.cityops.model.AlertState;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.District;
import io.cityops.model.city.GeoPoint;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Renders an alert version as an OASIS CAP 1.2 document for public-warning systems. The incident's
 * opening version is a CAP {@code Alert}; every later version an {@code Update} that references it,
 * a cleared one with urgency Past and response AllClear. CAP {@code incidents} names the correlated
 * incident (the parent for an absorbed alert). Thread-safe.
 */
public final class CapRenderer {
    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

    // CAP 1.2 §3.3.2: dateTime with an explicit numeric offset; "Z" is not allowed.
    private static final DateTimeFormatter CAP_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final CityModel city;
    private final String sender;
    private final ZoneId zone;
    private final String language;
    private final double areaRadiusKm;

    /** Sender {@code cityops@<province id>}, Vietnamese time and language, 2 km circles. */
    public CapRenderer(CityModel city) {
        this(city, "cityops@" + city.province().id(), ZoneId.of("Asia/Ho_Chi_Minh"), "vi-VN", 2.0);
    }

    public CapRenderer(
            CityModel city, String sender, ZoneId zone, String language, double areaRadiusKm) {
        this.city = city;
        this.sender = CapMapping.safe(sender);
        this.zone = zone;
        this.language = language;
        this.areaRadiusKm = areaRadiusKm;
    }

    /** The CAP XML document (UTF-8 text) of this alert version. */
    public String render(Alert a) {
        Document doc = newDocument();
        Element alert = doc.createElementNS(NAMESPACE, "alert");
        doc.appendChild(alert);
        boolean opening = a.change().equals(AlertChange.RAISE.name());
        String incidentId = "cityops." + CapMapping.safe(a.alertId()) + "." + a.openedAt();
        add(alert, "identifier", opening ? incidentId : incidentId + ".v" + a.version());
        add(alert, "sender", sender);
        add(alert, "sent", time(a.updatedAt()));
        add(alert, "status", "Actual");
        add(alert, "msgType", opening ? "Alert" : "Update");
        add(alert, "source", CapMapping.safe(a.actor() == null ? "cityops" : a.actor()));
        add(alert, "scope", "Public");
        if (a.note() != null) {
            add(alert, "note", a.note());
        }
        if (!opening) {
            add(alert, "references", sender + "," + incidentId + "," + time(a.openedAt()));
        }
        add(alert, "incidents", CapMapping.safe(a.parent().orElse(a.alertId())));
        alert.appendChild(info(doc, a));
        return serialize(doc);
    }

    private Element info(Document doc, Alert a) {
        boolean cleared = a.state() == AlertState.CLEARED;
        Element info = doc.createElementNS(NAMESPACE, "info");
        add(info, "language", language);
        add(info, "category", CapMapping.category(a));
        add(info, "event", a.type());
        if (cleared) {
            add(info, "responseType", "AllClear");
        }
        add(info, "urgency", cleared ? "Past" : "Immediate");
        add(info, "severity", a.severity().capSeverity());
        add(info, "certainty", "Observed");
        Element code = add(info, "eventCode", null);
        add(code, "valueName", "cityops:type");
        add(code, "value", a.type());
        add(info, "onset", time(a.openedAt()));
        add(info, "senderName", "CityOps " + city.province().name());
        String headline = a.message() != null ? a.message() : a.type() + " " + a.subjectId();
        add(info, "headline", headline.length() > 160 ? headline.substring(0, 160) : headline);
        add(info, "description", description(a, cleared));
        Map<String, String> params = new TreeMap<>();
        params.put("alertId", a.alertId());
        params.put("version", String.valueOf(a.version()));
        params.put("change", a.change());
        params.put("subjectId", a.subjectId());
        params.put("acknowledged", String.valueOf(a.acknowledged()));
        params.put("escalationLevel", String.valueOf(a.escalationLevel()));
        a.attributes().forEach((k, v) -> params.put("evidence." + k, v));
        a.provenance().forEach((k, v) -> params.put("provenance." + k, v));
        params.forEach(
                (k, v) -> {
                    Element p = add(info, "parameter", null);
                    add(p, "valueName", k);
                    add(p, "value", v);
                });
        info.appendChild(area(doc, a));
        return info;
    }

    private String description(Alert a, boolean cleared) {
        StringBuilder d = new StringBuilder();
        d.append(a.type()).append(" at ").append(a.subjectId());
        d.append(cleared ? " has ended." : " is in progress.");
        if (!a.childIds().isEmpty()) {
            d.append(" Includes ").append(a.childIds().size()).append(" related alerts.");
        }
        return d.toString();
    }

    private Element area(Document doc, Alert a) {
        Element area = doc.createElementNS(NAMESPACE, "area");
        Optional<District> district = Optional.ofNullable(a.districtId()).flatMap(city::district);
        add(area, "areaDesc", district.map(District::name).orElse(city.province().name()));
        location(a)
                .ifPresent(
                        p ->
                                add(
                                        area,
                                        "circle",
                                        String.format(
                                                java.util.Locale.ROOT,
                                                "%.5f,%.5f %.1f",
                                                p.lat(),
                                                p.lon(),
                                                areaRadiusKm)));
        district.ifPresent(
                d -> {
                    Element g = add(area, "geocode", null);
                    add(g, "valueName", "cityops:district");
                    add(g, "value", d.id());
                });
        return area;
    }

    /** Where the subject is: a river station, transformer, sensor or zone; empty if unknown. */
    private Optional<GeoPoint> location(Alert a) {
        String s = a.subjectId();
        return city.riverStation(s)
                .map(r -> r.location())
                .or(() -> city.transformer(s).map(t -> t.location()))
                .or(() -> city.sensor(s).map(x -> x.location()))
                .or(() -> city.zone(s).map(z -> z.centre()));
    }

    private String time(long epochMs) {
        return CAP_TIME.format(Instant.ofEpochMilli(epochMs).atZone(zone));
    }

    private static Element add(Element parent, String name, String text) {
        Element e = parent.getOwnerDocument().createElementNS(NAMESPACE, name);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML document builder", e);
        }
    }

    private static String serialize(Document doc) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write CAP XML", e);
        }
    }
}
