package io.cityops.jobs.history;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's influxd on 127.0.0.1 with a throw-away data dir, for ITs. (The runtime launcher lives in
 * dashboards' {@code InfluxdProcess}, which this module cannot depend on.)
 */
final class TestInfluxd implements AutoCloseable {
    private final Process process;
    final String url;

    TestInfluxd() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("cityops-influxd-");
        int http = freePort();
        String conf =
                String.join(
                        "\n",
                        "reporting-disabled = true",
                        "bind-address = \"127.0.0.1:" + freePort() + "\"",
                        "[meta]",
                        "  dir = \"" + dir.resolve("meta") + "\"",
                        "[data]",
                        "  dir = \"" + dir.resolve("data") + "\"",
                        "  wal-dir = \"" + dir.resolve("wal") + "\"",
                        "  query-log-enabled = false",
                        "[monitor]",
                        "  store-enabled = false",
                        "[http]",
                        "  bind-address = \"127.0.0.1:" + http + "\"",
                        "  log-enabled = false",
                        "[ifql]",
                        "  enabled = false",
                        "");
        Files.writeString(dir.resolve("influxdb.conf"), conf);
        process =
                new ProcessBuilder(
                                "/usr/bin/influxd",
                                "-config",
                                dir.resolve("influxdb.conf").toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("influxd.log").toFile())
                        .start();
        url = "http://127.0.0.1:" + http;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!ping()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IOException("influxd did not start; see " + dir.resolve("influxd.log"));
            }
            TimeUnit.MILLISECONDS.sleep(100); // an external process coming up, not a test wait
        }
    }

    private boolean ping() {
        try {
            var c = (HttpURLConnection) URI.create(url + "/ping").toURL().openConnection();
            c.setConnectTimeout(500);
            return c.getResponseCode() == 204;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
