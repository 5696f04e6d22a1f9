package io.cityops.jobs.detection.traffic;

import java.io.Serializable;

/**
 * What the incident detector remembers of one segment between minutes.
 *
 * @param persisted consecutive minutes the tests have held while {@link IncidentPhase#TENTATIVE}
 * @param suppressedThrough start of the last minute in which no incident may be raised after a
 *     downstream compression wave, or {@link Long#MIN_VALUE}
 */
public record IncidentState(IncidentPhase phase, int persisted, long suppressedThrough)
        implements Serializable {

    public static final IncidentState INITIAL =
            new IncidentState(IncidentPhase.CLEAR, 0, Long.MIN_VALUE);

    public boolean isRaised() {
        return phase == IncidentPhase.INCIDENT;
    }
}
