package io.cityops.ingest;

import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.config.CommonKeys;
import io.cityops.model.config.Settings;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one ingest bridge as its own process until SIGTERM, e.g. {@code java -cp …
 * io.cityops.ingest.IngestMain --mqtt.uri=tcp://127.0.0.1:11883 --kafka.bootstrap=127.0.0.1:19092
 * --ingest.client-id=cityops-ingest-2}. Exits with status 1 when it cannot start.
 */
public final class IngestMain {
    private static final Logger LOG = LoggerFactory.getLogger(IngestMain.class);

    private IngestMain() {}

    public static void main(String[] args) {
        IngestBridge bridge;
        try {
            Settings settings = Settings.fromArgs(args);
            IngestConfig config = IngestConfig.from(settings);
            CityModel city =
                    CityModelLoader.load(
                            settings.get(CommonKeys.CITY_MODEL, CommonKeys.CITY_MODEL_DEFAULT));
            LOG.info(
                    "Starting ingest bridge: {}, {} sensors in {}",
                    config,
                    city.sensors().size(),
                    city.province().name());
            bridge = new IngestBridge(config, city);
            bridge.start();
        } catch (Exception e) {
            LOG.error("Ingest bridge could not start: {}", e.toString(), e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        IngestBridge running = bridge;
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    running.close();
                                    stopped.countDown();
                                },
                                "ingest-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
