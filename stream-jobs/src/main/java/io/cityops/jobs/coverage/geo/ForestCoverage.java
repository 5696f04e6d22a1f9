package io.cityops.jobs.coverage.geo;

import io.cityops.model.city.CityModel;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import io.cityops.model.city.Zone;
import io.cityops.model.city.ZoneKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forest zones of a city model on a hexagon grid with the footprints of its forest stations (a
 * circle of the kind's radius), plus each zone's exact area. Zones without an outline cannot be
 * measured and are left out, with a log line.
 */
public final class ForestCoverage {
    private static final Logger LOG = LoggerFactory.getLogger(ForestCoverage.class);

    private final List<Zone> zones;
    private final Map<String, Double> areaHa = new LinkedHashMap<>();
    private final CoverageGrid grid;

    private ForestCoverage(List<Zone> zones, CoverageGrid grid) {
        this.zones = zones;
        this.grid = grid;
        for (Zone z : zones) {
            areaHa.put(z.id(), ExactCoverage.areaKm2(z.boundary()) * 100);
        }
    }

    public static ForestCoverage of(CityModel city, HexCells cells) {
        List<Zone> zones =
                city.zones().stream()
                        .filter(z -> z.kind() == ZoneKind.FOREST)
                        .filter(z -> z.hasBoundary() || skipped(z))
                        .sorted(java.util.Comparator.comparing(Zone::id))
                        .toList();
        Map<String, long[]> zoneCells = new LinkedHashMap<>();
        zones.forEach(z -> zoneCells.put(z.id(), cells.polygon(z.boundary())));
        Map<String, long[]> footprints = new LinkedHashMap<>();
        for (Sensor s : city.sensors()) {
            if (s.kind() == SensorKind.FOREST_STATION) {
                footprints.put(s.id(), cells.circle(s.location(), s.kind().coverageRadiusKm()));
            }
        }
        return new ForestCoverage(zones, new CoverageGrid(zoneCells, footprints, cells::areaM2));
    }

    private static boolean skipped(Zone z) {
        LOG.warn("forest zone {} has no boundary: left out of the forest coverage KPI", z.id());
        return false;
    }

    public List<Zone> zones() {
        return zones;
    }

    public CoverageGrid grid() {
        return grid;
    }

    /** The zone's exact area in hectares. */
    public double areaHa(String zoneId) {
        return areaHa.get(zoneId);
    }

    /** The zone's monitored area in hectares: its grid share applied to its exact area. */
    public double monitoredHa(String zoneId) {
        return grid.share(zoneId) * areaHa(zoneId);
    }
}
