package io.cityops.simulator.values;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Independent random streams derived from the run's seed and a name (a sensor id, a transformer),
 * so one device's values do not depend on how many others exist or in what order they are sampled.
 */
public final class Seeds {
    private Seeds() {}

    public static SplittableRandom stream(long seed, String name) {
        long h = 0xcbf29ce484222325L; // FNV-1a, stable across JVMs unlike identity or randomised
        // hashes
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ h);
    }
}
