package io.cityops.bench.coverage;

import io.cityops.model.city.GeoPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A square forest of a given side at 22° N, 103° E (inside Lai Châu) with stations at fixed
 * pseudo-random positions, so every run measures the same geometry.
 */
final class SyntheticForest {
    private static final GeoPoint ORIGIN = new GeoPoint(22.0, 103.0);
    private static final double KM_PER_DEG = Math.PI / 180 * 6371.0088;

    private SyntheticForest() {}

    static GeoPoint at(double xKm, double yKm) {
        return new GeoPoint(
                ORIGIN.lat() + yKm / KM_PER_DEG,
                ORIGIN.lon() + xKm / (KM_PER_DEG * Math.cos(Math.toRadians(ORIGIN.lat()))));
    }

    static List<GeoPoint> square(double sideKm) {
        return List.of(at(0, 0), at(sideKm, 0), at(sideKm, sideKm), at(0, sideKm));
    }

    static List<GeoPoint> stations(int n, double sideKm) {
        Random random = new Random(42);
        List<GeoPoint> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(at(random.nextDouble() * sideKm, random.nextDouble() * sideKm));
        }
        return out;
    }
}
