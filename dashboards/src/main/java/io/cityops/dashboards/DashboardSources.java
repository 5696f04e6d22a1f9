package io.cityops.dashboards;

import io.cityops.dashboards.alerts.AlertCommandSink;
import io.cityops.dashboards.alerts.AlertStore;
import io.cityops.dashboards.history.HistoryService;
import io.cityops.dashboards.kpis.KpiStore;
import io.cityops.dashboards.live.AggregateStore;
import io.cityops.dashboards.sensors.SensorActivity;
import java.time.Clock;
import java.util.Optional;

/**
 * Everything the dashboard reads from and writes to, injected: Kafka-fed stores and a Kafka command
 * sink in production ({@link io.cityops.dashboards.feed.KafkaFeeds}), fakes in tests.
 *
 * @param history empty when no InfluxDB is configured; history endpoints then answer 503
 */
public record DashboardSources(
        AlertStore alerts,
        KpiStore kpis,
        AggregateStore aggregates,
        SensorActivity activity,
        AlertCommandSink commands,
        Optional<HistoryService> history,
        Clock clock) {}
