package io.cityops.simulator.incidents;

import java.time.Duration;

/** Smooth time profiles the incident scripts are built from. */
final class Shape {
    private Shape() {}

    static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    /** 0 before 0, 1 after 1, an S-curve between (zero slope at both ends). */
    static double smoothstep(double x) {
        double c = Math.max(0, Math.min(1, x));
        return c * c * (3 - 2 * c);
    }

    static double lerp(double from, double to, double fraction) {
        return from + (to - from) * fraction;
    }

    /**
     * 0 → 1 over {@code rise} seconds, 1 until {@code fallFrom}, 1 → 0 over {@code fall} seconds.
     */
    static double envelope(double t, double rise, double fallFrom, double fall) {
        if (t < fallFrom) {
            return smoothstep(t / rise);
        }
        return 1 - smoothstep((t - fallFrom) / fall);
    }
}
