package io.cityops.jobs.coverage.geo;

import io.cityops.model.city.GeoPoint;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The exact monitored share of a zone with JTS: area(zone ∩ union(footprints)) / area(zone). The
 * reference the H3 grid is measured against, and the way a zone's own area is computed.
 */
public final class ExactCoverage {
    private ExactCoverage() {}

    /** A footprint: a circle around a sensor. */
    public record Circle(GeoPoint centre, double radiusKm) {}

    /** Area of a zone's boundary in km², in the zone's own local projection. */
    public static double areaKm2(List<GeoPoint> boundary) {
        return new LocalProjection(boundary.get(0)).polygon(boundary).getArea();
    }

    /** Monitored share of a zone, 0..1; footprints that overlap are counted once. */
    public static double share(List<GeoPoint> boundary, List<Circle> footprints) {
        LocalProjection projection = new LocalProjection(boundary.get(0));
        Geometry zone = projection.polygon(boundary);
        if (footprints.isEmpty() || zone.getArea() == 0) {
            return 0;
        }
        List<Geometry> circles = new ArrayList<>();
        for (Circle c : footprints) {
            circles.add(projection.circle(c.centre(), c.radiusKm()));
        }
        Geometry union = UnaryUnionOp.union(circles, new GeometryFactory());
        return zone.intersection(union).getArea() / zone.getArea();
    }
}
