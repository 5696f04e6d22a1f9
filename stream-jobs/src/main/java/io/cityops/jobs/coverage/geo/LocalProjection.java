package io.cityops.jobs.coverage.geo;

import io.cityops.model.city.GeoPoint;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * An equirectangular projection to kilometres around a reference point, for exact areas with JTS.
 * Over a forest zone (tens of km) its area error is below 0.1 %, far under the H3 grid's; across
 * the whole province (1.2° of latitude) it would reach ±0.5 %, so use one per zone.
 */
public final class LocalProjection {
    /** Mean Earth radius (IUGG), the same as {@link GeoPoint#distanceKm}. */
    static final double EARTH_RADIUS_KM = 6371.0088;

    private static final double KM_PER_DEGREE = Math.PI / 180 * EARTH_RADIUS_KM;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /** Segments per quarter circle of a footprint: the polygon's area is within 0.01 % of πr². */
    private static final int QUADRANT_SEGMENTS = 64;

    private final GeoPoint origin;
    private final double kmPerDegreeLon;

    public LocalProjection(GeoPoint origin) {
        this.origin = origin;
        this.kmPerDegreeLon = KM_PER_DEGREE * Math.cos(Math.toRadians(origin.lat()));
    }

    public Coordinate toKm(GeoPoint p) {
        return new Coordinate(
                (p.lon() - origin.lon()) * kmPerDegreeLon,
                (p.lat() - origin.lat()) * KM_PER_DEGREE);
    }

    /** A ring of WGS84 points (closed or not) as a polygon in km; self-touching rings are fixed. */
    public Geometry polygon(List<GeoPoint> ring) {
        Coordinate[] c = new Coordinate[ring.size() + 1];
        for (int i = 0; i < ring.size(); i++) {
            c[i] = toKm(ring.get(i));
        }
        c[ring.size()] = c[0];
        if (c[0].equals2D(c[ring.size() - 1])) {
            c = java.util.Arrays.copyOf(c, ring.size());
        }
        Polygon p = GEOMETRY.createPolygon(c);
        return p.isValid() ? p : p.buffer(0);
    }

    /** A circle of {@code radiusKm} around {@code centre}, in km. */
    public Geometry circle(GeoPoint centre, double radiusKm) {
        return GEOMETRY.createPoint(toKm(centre)).buffer(radiusKm, QUADRANT_SEGMENTS);
    }
}
