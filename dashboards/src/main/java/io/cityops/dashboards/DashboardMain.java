package io.cityops.dashboards;

import io.cityops.dashboards.feed.KafkaDashboardSources;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.config.CommonKeys;
import io.cityops.model.config.Settings;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the dashboard as its own process (distributed mode) against existing Kafka and InfluxDB:
 * {@code java -cp ... io.cityops.dashboards.DashboardMain --kafka.bootstrap=host:9092
 * --influx.url=http://host:8086}.
 */
public final class DashboardMain {
    private DashboardMain() {}

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromArgs(args);
        DashboardConfig config = DashboardConfig.from(settings);
        CityModel city =
                CityModelLoader.load(
                        settings.get(CommonKeys.CITY_MODEL, CommonKeys.CITY_MODEL_DEFAULT));
        KafkaDashboardSources sources =
                KafkaDashboardSources.open(
                        config,
                        settings.get(
                                CommonKeys.KAFKA_BOOTSTRAP, CommonKeys.KAFKA_BOOTSTRAP_DEFAULT));
        DashboardServer server = new DashboardServer(config, city, sources.sources()).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    server.close();
                                    try {
                                        sources.close();
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                    stopped.countDown();
                                }));
        stopped.await();
    }
}
