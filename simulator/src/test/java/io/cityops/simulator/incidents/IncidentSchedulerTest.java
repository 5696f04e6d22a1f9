package io.cityops.simulator.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IncidentSchedulerTest {
    private static final Instant T0 = Incidents.START;

    @Test
    void firstIncidentIsARiverFloodAtTheConfiguredDelay() {
        IncidentScheduler s =
                new IncidentScheduler(
                        Incidents.CITY,
                        20251123L,
                        Duration.ofSeconds(10),
                        Duration.ofMinutes(3),
                        T0);
        assertThat(s.advance(T0.plusSeconds(9))).isEmpty();
        List<IncidentEvent> events = s.advance(T0.plusSeconds(10));
        assertThat(events)
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.type()).isEqualTo(IncidentEvent.Type.STARTED);
                            assertThat(e.active().incident().kind())
                                    .isEqualTo(IncidentKind.RIVER_FLOOD);
                            assertThat(e.active().startedAt()).isEqualTo(T0.plusSeconds(10));
                        });
    }

    @Test
    void everyKindComesOnceInEachRoundAndEachIncidentEndsAfterItsDuration() {
        IncidentScheduler s =
                new IncidentScheduler(
                        Incidents.CITY, 7, Duration.ofSeconds(10), Duration.ofMinutes(3), T0);
        List<IncidentEvent> all = drive(s, Duration.ofHours(2), Duration.ofSeconds(5));
        List<IncidentKind> kinds =
                all.stream()
                        .filter(e -> e.type() == IncidentEvent.Type.STARTED)
                        .map(e -> e.active().incident().kind())
                        .toList();

        assertThat(kinds).hasSize(40);
        assertThat(EnumSet.copyOf(kinds.subList(1, 1 + IncidentKind.values().length)))
                .isEqualTo(EnumSet.allOf(IncidentKind.class));
        for (int i = 1; i < kinds.size(); i++) {
            assertThat(kinds.get(i)).isNotEqualTo(kinds.get(i - 1));
        }
        all.stream()
                .filter(e -> e.type() == IncidentEvent.Type.ENDED)
                .forEach(
                        e ->
                                assertThat(e.active().endsAt())
                                        .isEqualTo(
                                                e.active()
                                                        .startedAt()
                                                        .plus(e.active().incident().duration())));
    }

    @Test
    void noSensorTakesPartInTwoIncidentsAtOnceEvenWhenTheyComeEverySeconds() {
        IncidentScheduler s =
                new IncidentScheduler(Incidents.CITY, 3, Duration.ZERO, Duration.ofSeconds(5), T0);
        for (Instant t = T0; t.isBefore(T0.plus(Duration.ofHours(1))); t = t.plusSeconds(5)) {
            s.advance(t);
            Set<String> seen = new HashSet<>();
            for (ActiveIncident a : s.active()) {
                for (String id : a.incident().sensorIds()) {
                    assertThat(seen.add(id)).as("%s in two incidents", id).isTrue();
                    assertThat(s.affecting(id)).contains(a);
                }
            }
        }
    }

    @Test
    void sameSeedTellsTheSameStory() {
        assertThat(story(99)).isEqualTo(story(99)).isNotEqualTo(story(100));
    }

    private static List<String> story(long seed) {
        IncidentScheduler s =
                new IncidentScheduler(
                        Incidents.CITY, seed, Duration.ofSeconds(10), Duration.ofMinutes(3), T0);
        return drive(s, Duration.ofHours(1), Duration.ofSeconds(1)).stream()
                .map(
                        e ->
                                e.type()
                                        + " "
                                        + e.active().startedAt()
                                        + " "
                                        + e.active().incident().description())
                .toList();
    }

    private static List<IncidentEvent> drive(IncidentScheduler s, Duration span, Duration step) {
        List<IncidentEvent> all = new ArrayList<>();
        for (Instant t = T0; t.isBefore(T0.plus(span)); t = t.plus(step)) {
            all.addAll(s.advance(t));
        }
        return all;
    }
}
