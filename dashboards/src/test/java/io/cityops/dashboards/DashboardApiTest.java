package io.cityops.dashboards;

import static io.cityops.dashboards.Http.get;
import static io.cityops.dashboards.Http.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.dashboards.alerts.AlertCommandType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DashboardApiTest {
    static TestServer t;

    @BeforeAll
    static void start() throws Exception {
        t =
                new TestServer(
                        Optional.empty(),
                        Clock.fixed(Instant.ofEpochMilli(TestAlerts.T0 + 60_000), ZoneOffset.UTC));
        t.alerts.accept(TestAlerts.riverFlood("a-flood"));
        t.alerts.accept(TestAlerts.cityTraffic("a-traffic"));
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void noTokenIsUnauthorised() throws Exception {
        var r = get(t.url("/api/alerts"), null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("bearer token");
        assertThat(get(t.url("/api/alerts"), "not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void fieldUnitSeesOnlyItsOwnAlerts() throws Exception {
        var list = get(t.url("/api/alerts"), TestServer.MUONGTE);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("a-flood").doesNotContain("a-traffic");
        var other = get(t.url("/api/alerts/a-traffic"), TestServer.MUONGTE);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(get(t.url("/api/alerts/a-flood"), TestServer.MUONGTE).statusCode())
                .isEqualTo(200);
    }

    @Test
    void fieldUnitCannotCommandAnotherUnitsAlert() throws Exception {
        var r =
                post(
                        t.url("/api/alerts/a-flood/comment"),
                        TestServer.POLICE,
                        "{\"comment\":\"x\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(
                        post(
                                        t.url("/api/alerts/nope/comment"),
                                        TestServer.OPERATOR,
                                        "{\"comment\":\"x\"}")
                                .statusCode())
                .isEqualTo(404);
    }

    @Test
    void wrongRoleIsForbidden() throws Exception {
        var ack = post(t.url("/api/alerts/a-traffic/acknowledge"), TestServer.ANALYST, "{}");
        assertThat(ack.statusCode()).isEqualTo(403);
        assertThat(ack.body()).contains("role analyst");
        var history = get(t.url("/api/history?field=pm25"), TestServer.MUONGTE);
        assertThat(history.statusCode()).isEqualTo(403);
        var assign =
                post(
                        t.url("/api/alerts/a-flood/assign"),
                        TestServer.MUONGTE,
                        "{\"unitId\":\"ranger-north\"}");
        assertThat(assign.statusCode()).isEqualTo(403);
    }

    @Test
    void malformedParametersSayWhatIsWrong() throws Exception {
        var sev = get(t.url("/api/alerts?severity=HUGE"), TestServer.OPERATOR);
        assertThat(sev.statusCode()).isEqualTo(400);
        assertThat(sev.body())
                .contains("severity 'HUGE' is not one of INFO, MINOR, MAJOR, CRITICAL");
        var unknown = get(t.url("/api/alerts?colour=red"), TestServer.OPERATOR);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown parameter 'colour'");
        var step = get(t.url("/api/history?field=pm25&agg=mean&step=5x"), TestServer.ANALYST);
        assertThat(step.statusCode()).isEqualTo(400);
        assertThat(step.body()).contains("step '5x' must look like 30s, 5m, 1h or 1d");
        var from = get(t.url("/api/history?field=pm25&from=yesterday"), TestServer.ANALYST);
        assertThat(from.body()).contains("from 'yesterday' is not an ISO-8601 instant");
        var injection =
                get(
                        t.url(
                                "/api/history?measurement=reading%3BDROP%20DATABASE%20cityops&field=pm25"),
                        TestServer.ANALYST);
        assertThat(injection.statusCode()).isEqualTo(400);
        assertThat(injection.body()).contains("unknown measurement");
        var field = get(t.url("/api/history?field=pm25%22%20OR%201%3D1"), TestServer.ANALYST);
        assertThat(field.statusCode()).isEqualTo(400);
        assertThat(field.body()).contains("is not a field of reading");
        var assign = post(t.url("/api/alerts/a-flood/assign"), TestServer.OPERATOR, "{}");
        assertThat(assign.statusCode()).isEqualTo(400);
        assertThat(assign.body()).contains("unitId is required for ASSIGN");
        var body = post(t.url("/api/alerts/a-flood/comment"), TestServer.OPERATOR, "[1");
        assertThat(body.statusCode()).isEqualTo(400);
        assertThat(body.body()).contains("body is not valid JSON");
    }

    @Test
    void historyWithoutInfluxIsUnavailableNotBroken() throws Exception {
        var r = get(t.url("/api/history?field=pm25"), TestServer.ANALYST);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("influx.url");
    }

    @Test
    void operatorCommentBecomesACommandWithActorAndTime() throws Exception {
        var r =
                post(
                        t.url("/api/alerts/a-traffic/comment"),
                        TestServer.OPERATOR,
                        "{\"comment\":\"đã cử người\"}");
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(t.lifecycle.received())
                .anySatisfy(
                        c -> {
                            assertThat(c.alertId()).isEqualTo("a-traffic");
                            assertThat(c.type()).isEqualTo(AlertCommandType.COMMENT);
                            assertThat(c.actor()).isEqualTo("duty-desk");
                            assertThat(c.comment()).isEqualTo("đã cử người");
                            assertThat(c.time()).isEqualTo(TestAlerts.T0 + 60_000);
                        });
    }

    @Test
    void sensorsComeFromTheCityModelWithHealth() throws Exception {
        t.activity.seen("fs-105-a1", TestAlerts.T0 + 30_000);
        var r = get(t.url("/api/sensors/fs-105-a1"), TestServer.MUONGTE);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"health\":\"OK\"").contains("\"districtId\":\"105\"");
        assertThat(get(t.url("/api/sensors"), TestServer.ANALYST).body()).contains("fs-105-a1");
    }

    @Test
    void openApiIsServedWithoutToken() throws Exception {
        var r = get(t.url("/openapi.json"), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"openapi\"").contains("/api/history");
    }
}
