package io.cityops.jobs.detection.forest;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * The upper bounds of fire-danger levels I to IV on the Nesterov index; above the last is level V.
 * National default 1000 / 2500 / 5000 / 10000 (Decision 127/2000, Decree 156/2018 art. 46);
 * provinces set their own, e.g. Thừa Thiên Huế 5000 / 10000 / 15000 / 20000 (DOMAIN.md, "Forest").
 */
public record FireDangerLevels(double[] upperBounds) implements Serializable {

    /** The national default table. */
    public static final FireDangerLevels NATIONAL =
            new FireDangerLevels(new double[] {1000, 2500, 5000, 10000});

    /** From level III the commune organises watch duty (Circular 25/2019): an alert. */
    public static final int ALERT_LEVEL = 3;

    private static final String[] ROMAN = {"-", "I", "II", "III", "IV", "V"};

    public FireDangerLevels {
        if (upperBounds.length != 4) {
            throw new IllegalArgumentException(
                    "four thresholds (upper bounds of levels I..IV) expected, got "
                            + Arrays.toString(upperBounds));
        }
        for (int i = 1; i < 4; i++) {
            if (!(upperBounds[i] > upperBounds[i - 1])) {
                throw new IllegalArgumentException(
                        "fire-danger thresholds must increase: " + Arrays.toString(upperBounds));
            }
        }
        upperBounds = upperBounds.clone();
    }

    /** Parses {@code 1000,2500,5000,10000} (commas or slashes). */
    public static FireDangerLevels parse(String s) {
        String[] parts = s.trim().split("\\s*[,/]\\s*");
        double[] bounds = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bounds[i] = Double.parseDouble(parts[i]);
        }
        return new FireDangerLevels(bounds);
    }

    /** The level 1..5 (I..V) of an index value: level I up to and including the first bound. */
    public int level(double nesterov) {
        int level = 1;
        for (double bound : upperBounds) {
            if (nesterov > bound) {
                level++;
            }
        }
        return level;
    }

    /** I..V for 1..5, "-" for 0 (not yet known). */
    public static String roman(int level) {
        return ROMAN[level];
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (double bound : upperBounds) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(String.format(Locale.ROOT, "%.0f", bound));
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FireDangerLevels other && Arrays.equals(upperBounds, other.upperBounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(upperBounds);
    }
}
