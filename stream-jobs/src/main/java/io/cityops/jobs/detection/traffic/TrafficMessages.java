package io.cityops.jobs.detection.traffic;

import io.cityops.model.SignalAction;
import io.cityops.model.city.RoadSegment;
import java.util.Locale;

/**
 * The human-readable lines of traffic signals, e.g. {@code QL4D (Lai Chau city): congested, 15 km/h
 * of 50 free-flow (ratio 0.30), occupancy 25%}.
 */
final class TrafficMessages {
    private TrafficMessages() {}

    static String format(double v, String pattern) {
        return String.format(Locale.ROOT, pattern, v);
    }

    static String congestion(
            RoadSegment s, CongestionLevel from, CongestionLevel observed, WindowStats w) {
        StringBuilder b = new StringBuilder(s.name()).append(": ");
        if (observed.alarming()) {
            b.append(observed.label());
            if (from.alarming()) {
                b.append(observed.compareTo(from) > 0 ? " (worse than " : " (better than ")
                        .append(from.label())
                        .append(')');
            }
        } else {
            b.append("no longer ").append(from.label()).append(", now ").append(observed.label());
        }
        if (Double.isFinite(w.meanSpeedKmh())) {
            b.append(", ")
                    .append(format(w.meanSpeedKmh(), "%.0f"))
                    .append(" km/h of ")
                    .append(format(s.freeFlowKmh(), "%.0f"))
                    .append(" free-flow (ratio ")
                    .append(format(w.speedRatio(), "%.2f"))
                    .append(')');
        }
        if (Double.isFinite(w.occupancyPct())) {
            b.append(", occupancy ").append(format(w.occupancyPct(), "%.0f")).append('%');
        }
        return b.toString();
    }

    static String forgotten(RoadSegment s, String what, TrafficParams p) {
        return s.name()
                + ": no data from either detector for "
                + p.forgetAfter().toMinutes()
                + " min, "
                + what
                + " alarm cleared (state unknown)";
    }

    static String incident(RoadSegment s, SignalAction action, OccupancyTests t) {
        String what =
                action == SignalAction.CLEAR
                        ? "incident cleared"
                        : "probable incident (blockage between the detectors)";
        return s.name()
                + ": "
                + what
                + ", occupancy "
                + format(t.upstreamPct(), "%.0f")
                + "% upstream vs "
                + format(t.downstreamPct(), "%.0f")
                + "% downstream";
    }
}
