package io.cityops.dashboards.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cityops.dashboards.alerts.AlertStore;
import io.cityops.dashboards.auth.AccessPolicy;
import io.cityops.dashboards.auth.Principal;
import io.cityops.dashboards.kpis.KpiStore;
import io.cityops.dashboards.live.AggregateStore;
import io.javalin.Javalin;
import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/events}: Server-Sent Events with every new alert version ({@code alert}), KPI
 * snapshot ({@code kpi}) and windowed summary ({@code aggregate}, the JSON of {@code Aggregate}).
 * Field units receive only their own alerts and no summaries (the live panels are office views).
 */
final class LiveEvents {
    private final Map<SseClient, Principal> clients = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    LiveEvents(AlertStore alerts, KpiStore kpis, AggregateStore aggregates, ObjectMapper json) {
        this.json = json;
        alerts.onChange(
                a -> {
                    String data = write(a);
                    clients.forEach(
                            (c, who) -> {
                                if (AccessPolicy.canSee(who, a)) {
                                    send(c, "alert", data);
                                }
                            });
                });
        kpis.onChange(
                (id, snapshot) -> {
                    String data = write(Map.of("id", id, "snapshot", snapshot));
                    clients.keySet().forEach(c -> send(c, "kpi", data));
                });
        aggregates.onChange(
                a -> {
                    String data = write(a);
                    clients.forEach(
                            (c, who) -> {
                                if (AccessPolicy.liveReaders().contains(who.role())) {
                                    send(c, "aggregate", data);
                                }
                            });
                });
    }

    void register(Javalin app) {
        app.sse(
                "/api/events",
                client -> {
                    Principal who = Auth.require(client.ctx(), AccessPolicy.readers());
                    client.keepAlive();
                    client.onClose(() -> clients.remove(client));
                    clients.put(client, who);
                    client.sendEvent("hello", write(Map.of("principal", who.name())));
                });
    }

    int clientCount() {
        return clients.size();
    }

    private void send(SseClient c, String event, String data) {
        if (c.terminated()) {
            clients.remove(c);
            return;
        }
        // Jetty serialises writes per response; one slow client must not break the others.
        synchronized (c) {
            c.sendEvent(event, data);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise live event", e);
        }
    }
}
