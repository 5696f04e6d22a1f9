package io.cityops.model.city;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CityModelLoaderTest {
    @TempDir Path dir;

    @Test
    void aSensorWatchingAnUnknownSubjectFailsAtLoadTime() throws Exception {
        Path file = dir.resolve("p.json");
        Files.writeString(
                file,
                """
        {"province":{"id":"1","name":"P","nameAscii":"P"},
         "districts":[{"id":"d1","name":"D","nameAscii":"D","centre":{"lat":22,"lon":103}}],
         "zones":[],"roadSegments":[],"riverStations":[],"transformers":[],"fieldUnits":[],
         "sensors":[{"id":"wl-1","kind":"RIVER_GAUGE","districtId":"d1","subjectId":"nowhere",
                     "location":{"lat":22,"lon":103},"heartbeatSec":60}]}
        """);
        assertThatThrownBy(() -> CityModelLoader.load(file.toString()))
                .hasMessageContaining("wl-1")
                .hasMessageContaining("unknown subject nowhere");
    }

    @Test
    void alarmLevelsOutOfOrderAreRefused() {
        assertThatThrownBy(
                        () ->
                                new RiverStation(
                                        "r",
                                        "R",
                                        "river",
                                        "d",
                                        new GeoPoint(22, 103),
                                        300,
                                        200,
                                        400))
                .hasMessageContaining("I < II < III");
    }
}
