package io.cityops.opscenter;

import io.cityops.model.config.Settings;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the all-in-one until Ctrl-C (SIGINT) or SIGTERM, then stops every component cleanly. */
public final class OpsCenterMain {
    static {
        // HiveMQ's jar ships its own logback.xml; name ours explicitly unless the user named one.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "cityops-logback.xml");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(OpsCenterMain.class);

    private OpsCenterMain() {}

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromArgs(args);
        OpsCenter center = new OpsCenter(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    LOG.info("Stopping CityOps");
                                    center.close();
                                    stopped.countDown();
                                },
                                "cityops-shutdown"));
        center.start();
        stopped.await();
    }
}
