package io.cityops.opscenter.support;

import io.cityops.model.config.Settings;
import io.cityops.opscenter.OpsCenter;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the real all-in-one stack for an end-to-end test: embedded HiveMQ, embedded Kafka, Flink
 * MiniCluster with the real jobs, on free loopback ports and a fresh work directory. The simulator
 * is off; tests publish as devices themselves.
 */
public final class TestStack {
    public static final String OPERATOR_TOKEN = "it-operator-token-000001";
    public static final String ANALYST_TOKEN = "it-analyst-token-0000001";

    private TestStack() {}

    public static OpsCenter start(Map<String, String> extra) throws Exception {
        Path work = Files.createTempDirectory("cityops-it-");
        Map<String, String> s = new HashMap<>();
        s.put("opscenter.work-dir", work.toString());
        s.put("opscenter.mqtt-port", String.valueOf(freePort()));
        s.put("opscenter.kafka-port", String.valueOf(freePort()));
        s.put("opscenter.kafka-controller-port", String.valueOf(freePort()));
        s.put("opscenter.flink-web-port", String.valueOf(freePort()));
        s.put("opscenter.influx-port", String.valueOf(freePort()));
        s.put("dashboards.port", String.valueOf(freePort()));
        s.put("dashboards.tokens", OPERATOR_TOKEN + "=operator," + ANALYST_TOKEN + "=analyst");
        s.put("opscenter.simulator", "false");
        s.put("flink.checkpoint.interval", "1s");
        // Tests feed few sensors, so some Kafka partitions stay empty: don't wait a minute for
        // them.
        s.put("detection.idleness", "5s");
        s.putAll(extra);
        return new OpsCenter(Settings.of(s)).start();
    }

    /** The password of a broker account (sensor id, unit id or service user) of this stack. */
    public static String password(OpsCenter stack, String username) {
        return stack.credentials()
                .orElseThrow(() -> new IllegalStateException("this stack runs without security"))
                .passwordFor(username);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
