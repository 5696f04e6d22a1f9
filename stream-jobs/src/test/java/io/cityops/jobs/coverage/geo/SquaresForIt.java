package io.cityops.jobs.coverage.geo;

import io.cityops.model.city.GeoPoint;
import java.util.List;

/** {@link Squares} for tests outside this package. */
public final class SquaresForIt {
    private SquaresForIt() {}

    public static GeoPoint at(double xKm, double yKm) {
        return Squares.at(xKm, yKm);
    }

    public static List<GeoPoint> square(double x0, double y0, double side) {
        return Squares.square(x0, y0, side);
    }
}
