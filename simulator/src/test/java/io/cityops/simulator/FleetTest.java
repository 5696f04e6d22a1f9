package io.cityops.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.simulator.device.SimulatedDevice;
import io.cityops.simulator.incidents.IncidentEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetTest {
    private static final CityModel CITY = CityModelLoader.sample();
    private static final Instant START = Instant.parse("2025-11-23T10:00:00Z");

    @Test
    void sameSeedGivesTheSameReadingsIncidentsIncludedAndAnotherSeedDoesNot() {
        assertThat(run(20251123L)).isEqualTo(run(20251123L)).isNotEqualTo(run(1));
    }

    @Test
    void everyDeviceReportsOnItsOwnTopicWithRisingSequenceNumbers() {
        Fleet fleet = new Fleet(CITY, 1, Duration.ofHours(1), Duration.ofHours(1), START);
        assertThat(fleet.devices()).hasSize(CITY.sensors().size());
        for (SimulatedDevice d : fleet.devices()) {
            assertThat(d.topic())
                    .isEqualTo(
                            "sensors/" + d.sensor().domain().topicName() + "/" + d.sensor().id());
            long a = fleet.next(d.sensor().id(), START).orElseThrow().seq();
            long b = fleet.next(d.sensor().id(), START.plusSeconds(60)).orElseThrow().seq();
            assertThat(b).isEqualTo(a + 1);
        }
    }

    @Test
    void aGaugeInAFloodReportsEveryTenSeconds() {
        Fleet fleet = new Fleet(CITY, 1, Duration.ZERO, Duration.ofHours(1), START);
        IncidentEvent flood = fleet.advanceIncidents(START).get(0);
        String gauge = flood.active().incident().sensorIds().iterator().next();
        assertThat(fleet.alarmInterval(gauge)).contains(Duration.ofSeconds(10));
        assertThat(fleet.alarmInterval("fs-105-a1")).isEmpty();
    }

    private static List<Object> run(long seed) {
        Fleet fleet = new Fleet(CITY, seed, Duration.ofSeconds(10), Duration.ofMinutes(3), START);
        List<Object> out = new ArrayList<>();
        for (Instant t = START;
                t.isBefore(START.plus(Duration.ofMinutes(30)));
                t = t.plusSeconds(30)) {
            fleet.advanceIncidents(t)
                    .forEach(e -> out.add(e.type() + " " + e.active().incident().description()));
            for (SimulatedDevice d : fleet.devices()) {
                fleet.next(d.sensor().id(), t).ifPresent(out::add);
            }
        }
        return out;
    }
}
