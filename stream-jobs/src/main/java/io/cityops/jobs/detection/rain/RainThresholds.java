package io.cityops.jobs.detection.rain;

import java.io.Serializable;
import java.util.Locale;

/**
 * Rain accumulations above which flash floods and landslides threaten (Decision 18/2021/QĐ-TTg via
 * DOMAIN.md "Water level and rain": 50 mm/1 h, 100 mm/3 h, 150 mm/24 h for steep districts). Each
 * threshold has a bit in a mask: {@link #H1}, {@link #H3}, {@link #H24}.
 */
public record RainThresholds(double mm1h, double mm3h, double mm24h) implements Serializable {
    public static final int H1 = 1;
    public static final int H3 = 2;
    public static final int H24 = 4;

    /** DOMAIN.md "Water level and rain", defaults for steep districts (Decision 18/2021). */
    public static final RainThresholds STEEP_DISTRICT = new RainThresholds(50, 100, 150);

    public RainThresholds {
        if (!(mm1h > 0 && mm3h > 0 && mm24h > 0)) {
            throw new IllegalArgumentException(
                    "rain thresholds must be positive: " + mm1h + "/" + mm3h + "/" + mm24h);
        }
    }

    /** Parses {@code 50/100/150} (mm over 1 h / 3 h / 24 h). */
    public static RainThresholds parse(String s) {
        String[] p = s.trim().split("/");
        if (p.length != 3) {
            throw new IllegalArgumentException("rain thresholds must be '1h/3h/24h' in mm: " + s);
        }
        return new RainThresholds(
                Double.parseDouble(p[0].trim()),
                Double.parseDouble(p[1].trim()),
                Double.parseDouble(p[2].trim()));
    }

    /** The thresholds the sums exceed (strictly above), as a mask. */
    public int exceeded(RainSums s) {
        return (s.rain1hMm() > mm1h ? H1 : 0)
                | (s.rain3hMm() > mm3h ? H3 : 0)
                | (s.rain24hMm() > mm24h ? H24 : 0);
    }

    /** True when every sum is below its threshold lowered by {@code margin} (a fraction). */
    public boolean allBelow(RainSums s, double margin) {
        double f = 1 - margin;
        return s.rain1hMm() < mm1h * f && s.rain3hMm() < mm3h * f && s.rain24hMm() < mm24h * f;
    }

    /** {@code 1h,3h} for a mask. */
    public static String names(int mask) {
        StringBuilder b = new StringBuilder();
        if ((mask & H1) != 0) {
            b.append("1h");
        }
        if ((mask & H3) != 0) {
            b.append(b.isEmpty() ? "" : ",").append("3h");
        }
        if ((mask & H24) != 0) {
            b.append(b.isEmpty() ? "" : ",").append("24h");
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s/%s/%s", fmt(mm1h), fmt(mm3h), fmt(mm24h));
    }

    static String fmt(double mm) {
        return mm == Math.rint(mm)
                ? String.valueOf((long) mm)
                : String.format(Locale.ROOT, "%.1f", mm);
    }
}
