package io.cityops.simulator.values;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Shapes of the day and the year in the province's local time (Vietnam, UTC+7, no DST). */
public final class Diurnal {
    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private Diurnal() {}

    /** Local hour of day as a fraction, 0 ≤ h < 24. */
    public static double hour(Instant t) {
        ZonedDateTime z = t.atZone(VIETNAM);
        return z.getHour() + z.getMinute() / 60.0 + z.getSecond() / 3600.0;
    }

    /** A cosine over the day that is 1 at {@code peakHour} and −1 twelve hours away. */
    public static double cosine(Instant t, double peakHour) {
        return Math.cos(2 * Math.PI * (hour(t) - peakHour) / 24);
    }

    /**
     * A bell over the day, 1 at {@code centreHour}, with the given width (standard deviation, h).
     */
    public static double bump(Instant t, double centreHour, double widthHours) {
        double d = hour(t) - centreHour;
        d = d - 24 * Math.rint(d / 24);
        return Math.exp(-d * d / (2 * widthHours * widthHours));
    }

    /** A cosine over the year that is 1 on day {@code peakDay} (1 = 1 January). */
    public static double season(Instant t, int peakDay) {
        return Math.cos(2 * Math.PI * (t.atZone(VIETNAM).getDayOfYear() - peakDay) / 365.25);
    }

    /** True in the rainy season of northern Vietnam (May to September). */
    public static boolean rainySeason(Instant t) {
        int month = t.atZone(VIETNAM).getMonthValue();
        return month >= 5 && month <= 9;
    }
}
