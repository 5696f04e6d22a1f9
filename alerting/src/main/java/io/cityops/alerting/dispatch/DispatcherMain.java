package io.cityops.alerting.dispatch;

import io.cityops.model.config.Settings;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the alert dispatcher as its own process until SIGTERM. Configuration as for every CityOps
 * process: {@code --config FILE}, {@code --key=value}, {@code CITYOPS_*} variables.
 */
public final class DispatcherMain {
    private static final Logger LOG = LoggerFactory.getLogger(DispatcherMain.class);

    private DispatcherMain() {}

    public static void main(String[] args) {
        AlertDispatcher dispatcher;
        try {
            dispatcher = new AlertDispatcher(DispatcherConfig.from(Settings.fromArgs(args)));
            dispatcher.start();
        } catch (Exception e) {
            LOG.error("Dispatcher failed to start: {}", e.toString());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    dispatcher.close();
                                    stopped.countDown();
                                },
                                "dispatcher-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
