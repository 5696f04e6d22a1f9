package io.cityops.opscenter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cityops.opscenter.support.TestStack;
import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A real Mosquitto 2 with the files {@link MosquittoFiles} generates enforces the same rules as the
 * embedded broker. Needs the {@code mosquitto} binary (Debian package {@code mosquitto}); it fails,
 * rather than skips, without it.
 */
class MosquittoSecurityIT extends BrokerSecurityContract {
    private static Process mosquitto;
    private static int port;

    @BeforeAll
    static void startMosquitto() throws Exception {
        Path binary =
                findMosquitto()
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "this test needs the mosquitto broker:"
                                                        + " apt-get install -y mosquitto"));
        Path dir = Files.createTempDirectory("cityops-mosquitto-it-");
        MosquittoFiles.write(new BrokerPolicy(CITY), CREDENTIALS, dir.resolve("security"));
        port = TestStack.freePort();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(
                conf,
                Files.readString(dir.resolve("security").resolve(MosquittoFiles.CONF_FILE))
                        + """
                        # Stay the user that runs the test: as root, Mosquitto would switch to the
                        # 'mosquitto' user, who cannot read the owner-only password file.
                        user %s
                        persistence false
                        log_dest stdout
                        listener %d 127.0.0.1
                        """
                                .formatted(System.getProperty("user.name"), port));
        mosquitto =
                new ProcessBuilder(binary.toString(), "-c", conf.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("mosquitto.log").toFile())
                        .start();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            assertThat(mosquitto.isAlive())
                                    .as("mosquitto exited: " + dir.resolve("mosquitto.log"))
                                    .isTrue();
                            return accepts(port);
                        });
    }

    @AfterAll
    static void stopMosquitto() throws Exception {
        if (mosquitto != null) {
            mosquitto.destroy();
            mosquitto.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    boolean refusesForeignSubscriptions() {
        return false;
    }

    @Override
    String brokerUri() {
        return "tcp://127.0.0.1:" + port;
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> findMosquitto() {
        Stream<String> path =
                Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
        return Stream.concat(List.of("/usr/sbin", "/usr/local/sbin").stream(), path)
                .map(d -> Path.of(d, "mosquitto"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
