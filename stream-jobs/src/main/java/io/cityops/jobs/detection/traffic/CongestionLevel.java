package io.cityops.jobs.detection.traffic;

import io.cityops.model.Severity;
import java.util.Locale;

/** How a road segment flows (DOMAIN.md, "Traffic"), from the ratio of its speed to free flow. */
public enum CongestionLevel {
    FREE,
    SLOW,
    CONGESTED,
    JAMMED;

    /**
     * The level of a speed ratio and an occupancy (%): free at or above {@code freeRatio}, slow at
     * or above {@code slowRatio}, congested at or above {@code jamRatio}, jammed below it or when
     * the occupancy exceeds {@code jamOccupancyPct}. A NaN ratio is judged by occupancy alone
     * (jammed or free); a NaN occupancy by the ratio alone.
     */
    public static CongestionLevel of(double ratio, double occupancyPct, TrafficParams p) {
        if (occupancyPct > p.jamOccupancyPct()) {
            return JAMMED;
        }
        if (Double.isNaN(ratio) || ratio >= p.freeRatio()) {
            return FREE;
        }
        if (ratio >= p.slowRatio()) {
            return SLOW;
        }
        return ratio >= p.jamRatio() ? CONGESTED : JAMMED;
    }

    /** Congested and jammed are alarm levels; free and slow are not. */
    public boolean alarming() {
        return compareTo(CONGESTED) >= 0;
    }

    /** Congested → MINOR, jammed → MAJOR, anything else (a cleared segment) → INFO. */
    public Severity severity() {
        return switch (this) {
            case CONGESTED -> Severity.MINOR;
            case JAMMED -> Severity.MAJOR;
            default -> Severity.INFO;
        };
    }

    /** The lower-case name used in labels and attributes, e.g. {@code congested}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
