package io.cityops.jobs.detection.traffic;

import java.io.Serializable;

/**
 * What the congestion classifier remembers of one segment between slides.
 *
 * @param raised the alarm level in force: {@link CongestionLevel#CONGESTED}, {@link
 *     CongestionLevel#JAMMED}, or {@link CongestionLevel#FREE} when no alarm is raised
 * @param streak consecutive slides seen on one side of {@code raised}: positive above (worse),
 *     negative below (better), 0 when the last slide agreed with it
 */
public record CongestionState(CongestionLevel raised, int streak) implements Serializable {

    public static final CongestionState INITIAL = new CongestionState(CongestionLevel.FREE, 0);

    public boolean isRaised() {
        return raised.alarming();
    }
}
