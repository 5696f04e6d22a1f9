package io.cityops.dashboards.history;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Debian's {@code influxd} (InfluxDB 1.x) as a child process with its own data directory and a
 * generated config: HTTP on 127.0.0.1 at the given port, the RPC/backup service on 127.0.0.1 too,
 * usage reporting and self-monitoring off. For the all-in-one and for integration tests.
 */
public final class InfluxdProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InfluxdProcess.class);

    private final Process process;
    private final int port;
    private final Path dataDir;

    private InfluxdProcess(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** Whether an {@code influxd} binary is on this machine. */
    public static boolean installed(Path binary) {
        return Files.isExecutable(binary);
    }

    /** Starts {@code /usr/bin/influxd} on a port (0 picks a free one) and waits for /ping. */
    public static InfluxdProcess start(Path dataDir, int port, Duration startTimeout)
            throws IOException, InterruptedException {
        return start(Path.of("/usr/bin/influxd"), dataDir, port, startTimeout);
    }

    public static InfluxdProcess start(Path binary, Path dataDir, int port, Duration startTimeout)
            throws IOException, InterruptedException {
        int httpPort = port == 0 ? freePort() : port;
        int rpcPort = freePort();
        Files.createDirectories(dataDir);
        Path conf = dataDir.resolve("influxdb.conf");
        Files.writeString(conf, config(dataDir, httpPort, rpcPort));
        Process p =
                new ProcessBuilder(binary.toString(), "-config", conf.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dataDir.resolve("influxd.log").toFile())
                        .start();
        InfluxdProcess influxd = new InfluxdProcess(p, httpPort, dataDir);
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (!influxd.ping()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                influxd.close();
                throw new IOException(
                        "influxd did not answer /ping on 127.0.0.1:"
                                + httpPort
                                + "; see "
                                + dataDir.resolve("influxd.log"));
            }
            TimeUnit.MILLISECONDS.sleep(100); // waiting for an external process to come up
        }
        LOG.info(
                "influxd started: pid {}, http://127.0.0.1:{}, data {}",
                p.pid(),
                httpPort,
                dataDir);
        return influxd;
    }

    static String config(Path dir, int httpPort, int rpcPort) {
        return String.join(
                "\n",
                "reporting-disabled = true",
                "bind-address = \"127.0.0.1:" + rpcPort + "\"",
                "[meta]",
                "  dir = \"" + dir.resolve("meta") + "\"",
                "[data]",
                "  dir = \"" + dir.resolve("data") + "\"",
                "  wal-dir = \"" + dir.resolve("wal") + "\"",
                "  query-log-enabled = false",
                "[monitor]",
                "  store-enabled = false",
                "[http]",
                "  enabled = true",
                "  bind-address = \"127.0.0.1:" + httpPort + "\"",
                "  log-enabled = false",
                "[ifql]",
                "  enabled = false",
                "[logging]",
                "  level = \"warn\"",
                "");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    boolean ping() {
        try {
            HttpURLConnection c =
                    (HttpURLConnection) URI.create(url() + "/ping").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(500);
            int code = c.getResponseCode();
            c.disconnect();
            return code == 204;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        LOG.info("influxd stopped: pid {}", process.pid());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
