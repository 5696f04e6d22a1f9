package io.cityops.jobs.coverage.geo;

import com.uber.h3core.AreaUnit;
import com.uber.h3core.H3Core;
import com.uber.h3core.LengthUnit;
import com.uber.h3core.util.LatLng;
import io.cityops.model.city.GeoPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The H3 cells of zones and footprints at one resolution. A cell belongs to a shape when its centre
 * lies inside it, so a shape's area is approximated by whole cells. Against exact JTS geometry, the
 * share of each sample forest zone is off by at most 1.9 percentage points at resolution 8, 0.44 at
 * 9 and 0.09 at 10 (HexCoverageErrorTest); 9 is the default, within the stated 1 point.
 */
public final class HexCells {
    private final H3Core h3;
    private final int resolution;
    private final double edgeKm;

    public HexCells(int resolution) {
        if (resolution < 0 || resolution > 15) {
            throw new IllegalArgumentException("H3 resolutions are 0..15, not " + resolution);
        }
        try {
            this.h3 = H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the H3 native library", e);
        }
        this.resolution = resolution;
        this.edgeKm = h3.getHexagonEdgeLengthAvg(resolution, LengthUnit.km);
    }

    public int resolution() {
        return resolution;
    }

    /**
     * Cells whose centre lies in the ring; a shape smaller than a cell still gets the cell of its
     * first point, so that it is never empty.
     */
    public long[] polygon(List<GeoPoint> ring) {
        List<LatLng> outline = new ArrayList<>(ring.size());
        for (GeoPoint p : ring) {
            outline.add(new LatLng(p.lat(), p.lon()));
        }
        List<Long> cells = h3.polygonToCells(outline, List.of(), resolution);
        if (cells.isEmpty()) {
            GeoPoint p = ring.get(0);
            return new long[] {h3.latLngToCell(p.lat(), p.lon(), resolution)};
        }
        return cells.stream().mapToLong(Long::longValue).toArray();
    }

    /** Cells whose centre lies within {@code radiusKm} (great circle) of {@code centre}. */
    public long[] circle(GeoPoint centre, double radiusKm) {
        long origin = h3.latLngToCell(centre.lat(), centre.lon(), resolution);
        // Neighbouring centres are √3·edge apart; edges vary within a resolution, hence the slack.
        int rings = (int) Math.ceil(radiusKm / (Math.sqrt(3) * edgeKm * 0.8)) + 1;
        List<Long> disk = h3.gridDisk(origin, rings);
        long[] inside = new long[disk.size()];
        int n = 0;
        for (long cell : disk) {
            LatLng c = h3.cellToLatLng(cell);
            if (centre.distanceKm(new GeoPoint(c.lat, c.lng)) <= radiusKm) {
                inside[n++] = cell;
            }
        }
        return java.util.Arrays.copyOf(inside, n);
    }

    /** Area of a cell in whole square metres (exact sums, no drift when adding and removing). */
    public long areaM2(long cell) {
        return Math.round(h3.cellArea(cell, AreaUnit.m2));
    }
}
