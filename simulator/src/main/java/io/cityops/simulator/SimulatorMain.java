package io.cityops.simulator;

import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.config.CommonKeys;
import io.cityops.model.config.Settings;
import io.cityops.simulator.replay.ReplayMain;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the province simulator as a process of its own (distributed mode, load generation) until
 * SIGTERM: {@code --mqtt.uri=tcp://host:port --simulator.rate=10 --city.model=/path/province.json}.
 * With {@code replay} as first argument it replays a recorded file instead and exits (see {@link
 * ReplayMain}).
 */
public final class SimulatorMain {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorMain.class);

    private SimulatorMain() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("replay")) {
            System.exit(ReplayMain.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        Settings settings = Settings.fromArgs(args);
        CityModel city =
                CityModelLoader.load(
                        settings.get(CommonKeys.CITY_MODEL, CommonKeys.CITY_MODEL_DEFAULT));
        ProvinceSimulator simulator = new ProvinceSimulator(SimulatorConfig.from(settings), city);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    simulator.close();
                                    stopped.countDown();
                                },
                                "cityops-sim-shutdown"));
        try {
            simulator.start();
        } catch (Exception e) {
            LOG.error("Simulator cannot start: {}", e.getMessage());
            System.exit(1);
        }
        boolean interrupted = false;
        while (stopped.getCount() > 0) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                interrupted =
                        true; // keep running: only SIGTERM (the shutdown hook) ends the simulator
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
