package io.cityops.jobs.coverage.geo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * Incremental coverage of zones on a hexagon grid: each cell of a zone knows how many reporting
 * sensors cover it, so a sensor going silent or coming back touches only its own cells, and a
 * zone's covered area is the sum of its cells covered at least once (overlaps count once). Not
 * thread-safe; one instance per operator.
 */
public final class CoverageGrid {
    private final List<String> zoneIds;
    private final Map<String, Integer> zoneIndex = new HashMap<>();
    private final long[] zoneAreaM2;
    private final long[] coveredM2;
    private final long[] cellAreaM2;
    private final int[] coverers;
    private final int[][] cellZones;
    private final Map<String, int[]> sensorCells = new HashMap<>();
    private final Set<String> reporting = new HashSet<>();

    /**
     * @param zones the cells of each zone, by zone id
     * @param footprints the cells each sensor covers, by sensor id; cells outside every zone are
     *     dropped
     * @param areaM2 the area of a cell in m²
     */
    public CoverageGrid(
            Map<String, long[]> zones, Map<String, long[]> footprints, LongUnaryOperator areaM2) {
        this.zoneIds = List.copyOf(zones.keySet());
        Map<Long, Integer> slots = new LinkedHashMap<>();
        Map<Integer, List<Integer>> zonesOfSlot = new HashMap<>();
        this.zoneAreaM2 = new long[zoneIds.size()];
        for (int z = 0; z < zoneIds.size(); z++) {
            zoneIndex.put(zoneIds.get(z), z);
            for (long cell : zones.get(zoneIds.get(z))) {
                int slot = slots.computeIfAbsent(cell, c -> slots.size());
                zonesOfSlot.computeIfAbsent(slot, s -> new ArrayList<>()).add(z);
            }
        }
        this.cellAreaM2 = new long[slots.size()];
        this.cellZones = new int[slots.size()][];
        slots.forEach(
                (cell, slot) -> {
                    cellAreaM2[slot] = areaM2.applyAsLong(cell);
                    cellZones[slot] =
                            zonesOfSlot.get(slot).stream().mapToInt(Integer::intValue).toArray();
                    for (int z : cellZones[slot]) {
                        zoneAreaM2[z] += cellAreaM2[slot];
                    }
                });
        this.coveredM2 = new long[zoneIds.size()];
        this.coverers = new int[slots.size()];
        footprints.forEach(
                (sensor, cells) -> {
                    int[] own = new int[cells.length];
                    int n = 0;
                    for (long cell : cells) {
                        Integer slot = slots.get(cell);
                        if (slot != null) {
                            own[n++] = slot;
                        }
                    }
                    sensorCells.put(sensor, java.util.Arrays.copyOf(own, n));
                });
    }

    /**
     * Marks a sensor as reporting or not. Returns the zones whose covered area changed; a sensor
     * without a footprint here, or a repeated state, changes nothing.
     */
    public Set<String> setReporting(String sensorId, boolean isReporting) {
        int[] cells = sensorCells.get(sensorId);
        if (cells == null
                || (isReporting ? !reporting.add(sensorId) : !reporting.remove(sensorId))) {
            return Set.of();
        }
        Set<String> changed = new HashSet<>();
        for (int slot : cells) {
            boolean flips = isReporting ? coverers[slot]++ == 0 : --coverers[slot] == 0;
            if (flips) {
                for (int z : cellZones[slot]) {
                    coveredM2[z] += isReporting ? cellAreaM2[slot] : -cellAreaM2[slot];
                    changed.add(zoneIds.get(z));
                }
            }
        }
        return changed;
    }

    public List<String> zoneIds() {
        return zoneIds;
    }

    /** Share of the zone's cells (by area) covered by a reporting sensor, 0..1. */
    public double share(String zoneId) {
        Integer z = zoneIndex.get(zoneId);
        if (z == null) {
            throw new IllegalArgumentException("no zone " + zoneId + " in the grid");
        }
        return zoneAreaM2[z] == 0 ? 0 : (double) coveredM2[z] / zoneAreaM2[z];
    }

    public int cellCount() {
        return cellAreaM2.length;
    }

    /** Number of zone cells a sensor covers (0 when it has no footprint here). */
    public int footprintCells(String sensorId) {
        int[] cells = sensorCells.get(sensorId);
        return cells == null ? 0 : cells.length;
    }
}
