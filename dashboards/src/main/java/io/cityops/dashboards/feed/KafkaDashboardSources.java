package io.cityops.dashboards.feed;

import io.cityops.dashboards.DashboardConfig;
import io.cityops.dashboards.DashboardSources;
import io.cityops.dashboards.alerts.AlertStore;
import io.cityops.dashboards.history.HistoryService;
import io.cityops.dashboards.kpis.KpiStore;
import io.cityops.dashboards.live.AggregateStore;
import io.cityops.dashboards.sensors.SensorActivity;
import java.time.Clock;
import java.util.Optional;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;

/**
 * The production {@link DashboardSources}: stores fed from Kafka, commands to Kafka, history from
 * InfluxDB when {@code influx.url} is set. Closing it stops the feed and closes the clients.
 */
public final class KafkaDashboardSources implements AutoCloseable {
    private final DashboardSources sources;
    private final KafkaFeeds feeds;
    private final KafkaAlertCommandSink commands;
    private final Optional<InfluxDB> influx;

    private KafkaDashboardSources(
            DashboardSources sources,
            KafkaFeeds feeds,
            KafkaAlertCommandSink commands,
            Optional<InfluxDB> influx) {
        this.sources = sources;
        this.feeds = feeds;
        this.commands = commands;
        this.influx = influx;
    }

    public static KafkaDashboardSources open(DashboardConfig config, String kafkaBootstrap) {
        AlertStore alerts = new AlertStore();
        KpiStore kpis = new KpiStore();
        AggregateStore aggregates = new AggregateStore();
        SensorActivity activity = new SensorActivity();
        Optional<InfluxDB> influx =
                config.influxUrl()
                        .map(
                                url ->
                                        config.influxUsername().isPresent()
                                                ? InfluxDBFactory.connect(
                                                        url,
                                                        config.influxUsername().get(),
                                                        config.influxPassword().orElse(""))
                                                : InfluxDBFactory.connect(url));
        KafkaAlertCommandSink commands = new KafkaAlertCommandSink(kafkaBootstrap);
        KafkaFeeds feeds =
                new KafkaFeeds(
                                kafkaBootstrap,
                                new FeedRouter(alerts, kpis, aggregates, activity),
                                config.aggregatesReplay(),
                                Clock.systemUTC())
                        .start();
        DashboardSources sources =
                new DashboardSources(
                        alerts,
                        kpis,
                        aggregates,
                        activity,
                        commands,
                        influx.map(
                                db ->
                                        new HistoryService(
                                                db,
                                                config.influxDatabase(),
                                                config.historyMaxPoints())),
                        Clock.systemUTC());
        return new KafkaDashboardSources(sources, feeds, commands, influx);
    }

    public DashboardSources sources() {
        return sources;
    }

    @Override
    public void close() throws InterruptedException {
        feeds.close();
        commands.close();
        influx.ifPresent(InfluxDB::close);
    }
}
