package io.cityops.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.ingest.registry.LiveSensorRegistry.Change;
import io.cityops.model.city.GeoPoint;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import io.cityops.model.city.SensorRegistration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveSensorRegistryTest {
    static final Sensor GAUGE =
            new Sensor(
                    "wl-107-muongte",
                    SensorKind.RIVER_GAUGE,
                    "107",
                    "rs-107-muongte",
                    new GeoPoint(22.51908, 102.48903),
                    60);
    static final Sensor NEW_GAUGE =
            new Sensor(
                    "wl-200-muongte-b",
                    SensorKind.RIVER_GAUGE,
                    "107",
                    "rs-107-muongte",
                    new GeoPoint(22.38, 102.83),
                    300);

    private final LiveSensorRegistry registry = new LiveSensorRegistry(List.of(GAUGE));
    private final List<String> changes = new ArrayList<>();

    LiveSensorRegistryTest() {
        registry.subscribe(
                (id, before, after) ->
                        changes.add(id + " " + before.isPresent() + "->" + after.isPresent()));
    }

    @Test
    void startsAsTheSeedAndReregisteringTheSameSensorChangesNothing() {
        assertThat(registry.sensor(GAUGE.id())).contains(GAUGE);
        assertThat(registry.apply(SensorRegistration.of(GAUGE))).isEqualTo(Change.UNCHANGED);
        assertThat(registry.sensors()).containsExactly(GAUGE);
        assertThat(changes).isEmpty();
    }

    @Test
    void aRegistrationOfANewIdAddsTheSensor() {
        assertThat(registry.apply(SensorRegistration.of(NEW_GAUGE))).isEqualTo(Change.ADDED);

        assertThat(registry.sensor(NEW_GAUGE.id())).contains(NEW_GAUGE);
        assertThat(registry.retired(NEW_GAUGE.id())).isFalse();
        assertThat(changes).containsExactly("wl-200-muongte-b false->true");
    }

    @Test
    void aRegistrationOfAKnownIdWithNewMetadataMovesTheSensor() {
        Sensor moved =
                new Sensor(
                        GAUGE.id(),
                        GAUGE.kind(),
                        "109",
                        "rs-109-namgiang",
                        new GeoPoint(22.7, 103.3),
                        120);

        assertThat(registry.apply(SensorRegistration.of(moved))).isEqualTo(Change.MOVED);

        assertThat(registry.sensor(GAUGE.id())).contains(moved);
        assertThat(changes).containsExactly("wl-107-muongte true->true");
    }

    @Test
    void aRetirementTakesTheSensorOutOfServiceAndANewRegistrationBringsItBack() {
        assertThat(registry.apply(SensorRegistration.retirement(GAUGE.id())))
                .isEqualTo(Change.RETIRED);
        assertThat(registry.sensor(GAUGE.id())).isEmpty();
        assertThat(registry.retired(GAUGE.id())).isTrue();
        assertThat(registry.sensors()).isEmpty();

        assertThat(registry.apply(SensorRegistration.of(GAUGE))).isEqualTo(Change.ADDED);
        assertThat(registry.sensor(GAUGE.id())).contains(GAUGE);
        assertThat(registry.retired(GAUGE.id())).isFalse();
        assertThat(changes)
                .containsExactly("wl-107-muongte true->false", "wl-107-muongte false->true");
    }

    @Test
    void retiringAnUnknownIdRemembersItAsRetiredWithoutTellingListeners() {
        assertThat(registry.apply(SensorRegistration.retirement("wl-999-gone")))
                .isEqualTo(Change.UNCHANGED);
        assertThat(registry.retired("wl-999-gone")).isTrue();
        assertThat(registry.retired("wl-998-never")).isFalse();
        assertThat(changes).isEmpty();
    }

    @Test
    void aFailingListenerDoesNotStopTheChangeNorTheOtherListeners() {
        registry.subscribe(
                (id, before, after) -> {
                    throw new IllegalStateException("boom");
                });
        List<Optional<Sensor>> seen = new ArrayList<>();
        registry.subscribe((id, before, after) -> seen.add(after));

        registry.apply(SensorRegistration.of(NEW_GAUGE));

        assertThat(registry.sensor(NEW_GAUGE.id())).contains(NEW_GAUGE);
        assertThat(seen).containsExactly(Optional.of(NEW_GAUGE));
    }

    @Test
    void anUnsubscribedListenerHearsNothingMore() throws Exception {
        List<String> heard = new ArrayList<>();
        AutoCloseable handle = registry.subscribe((id, before, after) -> heard.add(id));
        handle.close();

        registry.apply(SensorRegistration.of(NEW_GAUGE));

        assertThat(heard).isEmpty();
    }
}
