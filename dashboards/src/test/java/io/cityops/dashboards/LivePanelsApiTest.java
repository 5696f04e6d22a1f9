package io.cityops.dashboards;

import static io.cityops.dashboards.Http.get;
import static io.cityops.dashboards.TestAggregates.bytes;
import static io.cityops.dashboards.TestAggregates.districtAqi;
import static io.cityops.dashboards.TestAggregates.segment;
import static io.cityops.dashboards.TestAlerts.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cityops.model.Topics;
import io.cityops.model.json.JsonCodec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The live panels' endpoints, fed through the production decoder with aggregates' JSON. */
class LivePanelsApiTest {
    static final long HOUR = 3_600_000L;
    static final ObjectMapper JSON = new ObjectMapper();
    static TestServer t;

    @BeforeAll
    static void start() throws Exception {
        t =
                new TestServer(
                        Optional.empty(),
                        Clock.fixed(Instant.ofEpochMilli(T0 + 2 * HOUR), ZoneOffset.UTC));
        t.feed.route(Topics.AGGREGATES, "k", bytes(districtAqi("105", T0 + HOUR, 87.4)));
        // An older window arriving late (a replay) must not roll the panel back.
        t.feed.route(Topics.AGGREGATES, "k", bytes(districtAqi("105", T0, 160.0)));
        t.feed.route(Topics.AGGREGATES, "k", bytes(districtAqi("107", T0 + HOUR, 312.0)));
        t.feed.route(Topics.AGGREGATES, "k", bytes(segment("seg-105-1", T0, 0.42, 0.42, null)));
        t.feed.route(
                Topics.AGGREGATES, "k", bytes(segment("seg-105-2", T0, 0.9, 0.9, "congested")));
        t.feed.route(
                Topics.ALERTS,
                "o-1",
                JsonCodec.ALERT.encode(TestAlerts.transformerOutage("o-1", "9")));
        t.alerts.accept(TestAlerts.riverFlood("a-flood"));
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    static JsonNode json(String path, String token) throws Exception {
        var r = get(t.url(path), token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void aqiPerDistrictIsTheLatestHourWithItsBandColour() throws Exception {
        JsonNode aqi = json("/api/live/aqi", TestServer.OPERATOR);
        assertThat(aqi).hasSize(8);
        JsonNode city = aqi.get(0);
        assertThat(city.get("districtId").asText()).isEqualTo("105");
        assertThat(city.get("name").asText()).isEqualTo("Thành phố Lai Châu");
        assertThat(city.get("aqi").asDouble()).isEqualTo(87.4);
        assertThat(city.get("category").asText()).isEqualTo("MODERATE");
        assertThat(city.get("colour").asText()).isEqualTo("#ffff00");
        assertThat(city.get("dominant").asText()).isEqualTo("pm25");
        assertThat(city.get("windowStart").asLong()).isEqualTo(T0 + HOUR);
        assertThat(aqi.get(1).get("aqi").isNull()).isTrue();
        assertThat(aqi.get(2).get("category").asText()).isEqualTo("HAZARDOUS");
        assertThat(aqi.get(2).get("colour").asText()).isEqualTo("#7e0023");
    }

    @Test
    void trafficLevelIsTheDetectorsLabelOrElseTheSpeedRatioBand() throws Exception {
        JsonNode traffic = json("/api/live/traffic", TestServer.ANALYST);
        assertThat(traffic).hasSize(18);
        assertThat(traffic.get(0).get("segmentId").asText()).isEqualTo("seg-105-1");
        assertThat(traffic.get(0).get("level").asText()).isEqualTo("CONGESTED");
        assertThat(traffic.get(0).get("travelTimeIndex").asDouble()).isEqualTo(0.42);
        assertThat(traffic.get(1).get("level").asText()).isEqualTo("CONGESTED");
        assertThat(traffic.get(1).get("speedRatio").asDouble()).isEqualTo(0.9);
        assertThat(traffic.get(2).get("level").asText()).isEqualTo("UNKNOWN");
        assertThat(traffic.get(2).get("speedRatio").isNull()).isTrue();
    }

    @Test
    void openOutagesCarryTheDetectorsCustomerCountAndTheTransformer() throws Exception {
        JsonNode outages = json("/api/live/outages", TestServer.ADMIN);
        assertThat(outages).hasSize(1);
        JsonNode o = outages.get(0);
        assertThat(o.get("alertId").asText()).isEqualTo("o-1");
        assertThat(o.get("transformerId").asText()).isEqualTo("tr-105-1");
        assertThat(o.get("transformerName").asText()).isEqualTo("TBA Lai Chau city 1");
        assertThat(o.get("districtId").asText()).isEqualTo("105");
        assertThat(o.get("affectedCustomers").asInt()).isEqualTo(9);
        assertThat(o.get("customersServed").asInt()).isEqualTo(10);
        assertThat(o.get("since").asLong()).isEqualTo(T0);
    }

    @Test
    void latestAggregatesByKindAndSubject() throws Exception {
        JsonNode all = json("/api/aggregates/latest?kind=air.district", TestServer.ANALYST);
        assertThat(all).hasSize(2);
        JsonNode one =
                json(
                        "/api/aggregates/latest?kind=traffic.segment&window=1m&subject=seg-105-2",
                        TestServer.ANALYST);
        assertThat(one).hasSize(1);
        assertThat(one.get(0).get("labels").get("level").asText()).isEqualTo("congested");
        assertThat(json("/api/aggregates/latest?kind=forest.zone", TestServer.ANALYST)).isEmpty();
    }

    @Test
    void livePanelsAreForOfficeRoles() throws Exception {
        assertThat(get(t.url("/api/live/aqi"), null).statusCode()).isEqualTo(401);
        var unit = get(t.url("/api/live/outages"), TestServer.MUONGTE);
        assertThat(unit.statusCode()).isEqualTo(403);
        assertThat(unit.body()).contains("role field-unit may not do this");
        assertThat(get(t.url("/api/aggregates/latest?kind=sensor"), TestServer.POLICE).statusCode())
                .isEqualTo(403);
    }

    @Test
    void malformedParametersSayWhatIsWrong() throws Exception {
        var extra = get(t.url("/api/live/aqi?district=105"), TestServer.OPERATOR);
        assertThat(extra.statusCode()).isEqualTo(400);
        assertThat(extra.body()).contains("unknown parameter 'district'");
        var noKind = get(t.url("/api/aggregates/latest"), TestServer.OPERATOR);
        assertThat(noKind.statusCode()).isEqualTo(400);
        assertThat(noKind.body()).contains("kind is required, one of sensor, district");
        var window =
                get(t.url("/api/aggregates/latest?kind=sensor&window=1x"), TestServer.OPERATOR);
        assertThat(window.body()).contains("window '1x' must look like 1m, 1h or 1d");
        var kind = get(t.url("/api/history/aggregates?kind=air.nope"), TestServer.ANALYST);
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(kind.body()).contains("unknown kind 'air.nope'; use one of sensor");
        var field =
                get(
                        t.url("/api/history/aggregates?kind=air.district&field=pm25"),
                        TestServer.ANALYST);
        assertThat(field.statusCode()).isEqualTo(400);
        assertThat(field.body()).contains("field 'pm25' is not a value of kind air.district");
        var sensorField = get(t.url("/api/history/aggregates?kind=sensor"), TestServer.ANALYST);
        assertThat(sensorField.body()).contains("field is required for kind sensor");
        var filter =
                get(
                        t.url("/api/history/aggregates?kind=air.district&sensorId=x"),
                        TestServer.ANALYST);
        assertThat(filter.body())
                .contains(
                        "unknown parameter 'sensorId'; aggregate filters are [district, domain, subject]");
        var group =
                get(
                        t.url("/api/history/aggregates?kind=air.district&groupBy=level"),
                        TestServer.ANALYST);
        assertThat(group.body())
                .contains("groupBy must be subject, district or domain, not 'level'");
        var unconfigured =
                get(
                        t.url("/api/history/aggregates?kind=air.district&subject=105"),
                        TestServer.ANALYST);
        assertThat(unconfigured.statusCode()).isEqualTo(503);
    }
}
