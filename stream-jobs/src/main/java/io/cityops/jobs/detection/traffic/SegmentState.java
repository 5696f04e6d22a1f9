package io.cityops.jobs.detection.traffic;

import java.io.Serializable;

/**
 * All the traffic detectors remember of one road segment, kept in Flink {@code ValueState}: the
 * recent minutes, the congestion classifier's state and the incident algorithm's state.
 */
public record SegmentState(RecentMinutes recent, CongestionState congestion, IncidentState incident)
        implements Serializable {

    public static final SegmentState INITIAL =
            new SegmentState(RecentMinutes.EMPTY, CongestionState.INITIAL, IncidentState.INITIAL);

    /**
     * True when nothing worth keeping is left: no recent minute and no alarm raised. A tentative
     * incident or a streak needs recent minutes, so it is gone with them.
     */
    public boolean forgettable() {
        return recent.isEmpty() && !congestion.isRaised() && !incident.isRaised();
    }
}
