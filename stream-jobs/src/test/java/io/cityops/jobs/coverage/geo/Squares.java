package io.cityops.jobs.coverage.geo;

import io.cityops.model.city.GeoPoint;
import java.util.List;

/**
 * Hand-checkable shapes in km on a local grid at 22° N, 103° E (inside Lai Châu): x east, y north,
 * converted with the same equirectangular scale {@link LocalProjection} uses.
 */
final class Squares {
    static final GeoPoint ORIGIN = new GeoPoint(22.0, 103.0);
    private static final double KM_PER_DEG = Math.PI / 180 * LocalProjection.EARTH_RADIUS_KM;

    private Squares() {}

    static GeoPoint at(double xKm, double yKm) {
        return new GeoPoint(
                ORIGIN.lat() + yKm / KM_PER_DEG,
                ORIGIN.lon() + xKm / (KM_PER_DEG * Math.cos(Math.toRadians(ORIGIN.lat()))));
    }

    /** The square [x0, x0+side] × [y0, y0+side], first corner at (x0, y0). */
    static List<GeoPoint> square(double x0, double y0, double side) {
        return List.of(at(x0, y0), at(x0 + side, y0), at(x0 + side, y0 + side), at(x0, y0 + side));
    }
}
