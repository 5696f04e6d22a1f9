package io.cityops.dashboards.live;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Traffic state of a road segment (DOMAIN.md, Traffic: speed ratio r ≥ 0.75 free flow, 0.5–0.75
 * slow, 0.25–0.5 congested, below 0.25 or occupancy above 30 % jammed). The detector's {@code
 * level} label wins; the ratio decides only when a summary carries no label.
 */
public enum TrafficLevel {
    FREE,
    SLOW,
    CONGESTED,
    JAMMED,
    UNKNOWN;

    /** The level named by a label ({@code free}, {@code free-flow}, {@code CONGESTED}, ...). */
    public static Optional<TrafficLevel> named(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String n = label.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        String base = n.equals("FREE_FLOW") || n.equals("FREEFLOW") ? "FREE" : n;
        return Arrays.stream(values()).filter(l -> l.name().equals(base)).findFirst();
    }

    /** The level for a speed ratio and occupancy (%); NaN ratio is unknown. */
    public static TrafficLevel of(double speedRatio, double occupancyPct) {
        if (occupancyPct > 30) {
            return JAMMED;
        }
        if (Double.isNaN(speedRatio)) {
            return UNKNOWN;
        }
        if (speedRatio >= 0.75) {
            return FREE;
        }
        if (speedRatio >= 0.5) {
            return SLOW;
        }
        return speedRatio >= 0.25 ? CONGESTED : JAMMED;
    }
}
