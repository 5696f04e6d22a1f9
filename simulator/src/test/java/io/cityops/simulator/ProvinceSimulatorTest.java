package io.cityops.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProvinceSimulatorTest {
    private static final CityModel CITY = CityModelLoader.sample();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProvinceSimulator simulator;

    @AfterEach
    void close() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void everyDevicePublishesItsOwnNumberedReadingsOnItsOwnLinkAndDisconnectsOnClose()
            throws Exception {
        FakeLinks links = new FakeLinks(true);
        simulator =
                new ProvinceSimulator(
                        config(60, Duration.ofHours(1)), CITY, Clock.systemUTC(), links);
        simulator.start();

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                links.bySensor.values().stream()
                                        .allMatch(l -> l.payloads.size() >= 2));
        assertThat(simulator.connectedDevices()).isEqualTo(CITY.sensors().size());
        assertThat(simulator.published()).isGreaterThanOrEqualTo(2L * CITY.sensors().size());
        for (var e : links.bySensor.entrySet()) {
            JsonNode first = JSON.readTree(e.getValue().payloads.get(0));
            JsonNode second = JSON.readTree(e.getValue().payloads.get(1));
            assertThat(first.get("sensorId").asText()).isEqualTo(e.getKey());
            assertThat(e.getValue().topic).endsWith("/" + e.getKey());
            assertThat(second.get("seq").asLong()).isEqualTo(first.get("seq").asLong() + 1);
            assertThat(first.get("metrics").size()).isPositive();
        }

        simulator.close();
        assertThat(links.bySensor.values()).allSatisfy(l -> assertThat(l.closed).isTrue());
        assertThat(links.closed).isTrue();
    }

    @Test
    void theFloodGaugeReportsAtOnceAndThenEveryTenSecondsWhenTheFirstIncidentStarts()
            throws Exception {
        FakeLinks links = new FakeLinks(true);
        simulator = new ProvinceSimulator(config(1, Duration.ZERO), CITY, Clock.systemUTC(), links);
        simulator.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> !simulator.activeIncidents().isEmpty());
        String gauge = simulator.activeIncidents().get(0).incident().sensorIds().iterator().next();
        assertThat(gauge).startsWith("wl-");
        // Poked at once, then every 10 s: three readings by 22 s. At its 60 s heartbeat the gauge
        // would
        // send at most two (a staggered first one, the poke) in that time.
        await().atMost(Duration.ofSeconds(25))
                .until(() -> links.bySensor.get(gauge).payloads.size() >= 3);
    }

    @Test
    void startFailsWhenNoDeviceCanConnectAndReleasesTheLinks() {
        FakeLinks links = new FakeLinks(false);
        simulator = new ProvinceSimulator(config(1, Duration.ZERO), CITY, Clock.systemUTC(), links);
        assertThatThrownBy(simulator::start)
                .hasMessageContaining("no simulated device could connect");
        assertThat(links.closed).isTrue();
    }

    private static SimulatorConfig config(double rate, Duration firstIncident) {
        return new SimulatorConfig(
                "tcp://127.0.0.1:1",
                Optional.empty(),
                5,
                rate,
                firstIncident,
                Duration.ofMinutes(3),
                1);
    }
}
