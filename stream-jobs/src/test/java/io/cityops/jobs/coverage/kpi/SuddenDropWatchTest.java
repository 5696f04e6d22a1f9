package io.cityops.jobs.coverage.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.CityModelLoader;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuddenDropWatchTest {
    private static final long MIN = 60_000;
    private final SuddenDropWatch watch =
            new SuddenDropWatch(
                    CityModelLoader.sample(), Duration.ofMinutes(10), 3, Map.of(), Set.of());

    private Optional<Signal> status(String id, boolean up, long t) {
        return watch.onStatus(id, up, t, true);
    }

    @Test
    void threeStationsOfOneRidgeGoingDarkTogetherIsOneSuddenDrop() {
        assertThat(status("fs-107-a1", false, 0)).isEmpty();
        assertThat(status("fs-107-a2", false, MIN)).isEmpty();
        Signal raise = status("fs-107-a3", false, 2 * MIN).orElseThrow();
        assertThat(status("fs-107-a4", false, 3 * MIN)).isEmpty();

        assertThat(raise.action()).isEqualTo(SignalAction.RAISE);
        assertThat(raise.subjectId()).isEqualTo("forest-107-a");
        assertThat(raise.districtId()).isEqualTo("107");
        assertThat(raise.attributes())
                .containsEntry("silentStations", "fs-107-a1,fs-107-a2,fs-107-a3");

        assertThat(status("fs-107-a1", true, 20 * MIN)).isEmpty();
        assertThat(status("fs-107-a2", true, 20 * MIN).map(Signal::action))
                .contains(SignalAction.CLEAR);
    }

    @Test
    void stationsFailingOneByOneOverHoursAreNoSuddenDrop() {
        assertThat(status("fs-107-a1", false, 0)).isEmpty();
        assertThat(status("fs-107-a2", false, 30 * MIN)).isEmpty();
        assertThat(status("fs-107-a3", false, 60 * MIN)).isEmpty();
    }

    @Test
    void stationsOfDifferentZonesDoNotAddUp() {
        assertThat(status("fs-107-a1", false, 0)).isEmpty();
        assertThat(status("fs-107-b1", false, 0)).isEmpty();
        assertThat(status("fs-108-a1", false, 0)).isEmpty();
    }
}
