package io.cityops.jobs.detection.forest;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * What the fire detector remembers about one forest zone between readings (Flink {@code
 * ValueState}); the stations' temperature traces live beside it in a {@code MapState}.
 *
 * @param stage 0 no fire, 1 suspected at one station (MAJOR), 2 confirmed (CRITICAL)
 * @param stations the stations that have seen smoke or flame during the incident, sorted
 * @param smokeSeen per station, the last time it saw smoke or flame, within the confirm window
 * @param lastSmokeTs the last time any station of the zone saw smoke or flame, or {@link #NEVER}
 * @param maxTemperatureC the highest temperature at a smoky station during the incident
 * @param maxSmokePpm the highest smoke concentration during the incident
 * @param latestTs event time of the last reading taken into account, or {@link #NEVER}
 * @param districtId the district of the zone's stations (for signals raised by a timer)
 */
public record ZoneFireState(
        int stage,
        String[] stations,
        Map<String, Long> smokeSeen,
        long lastSmokeTs,
        double maxTemperatureC,
        double maxSmokePpm,
        long latestTs,
        String districtId)
        implements Serializable {

    public static final long NEVER = Long.MIN_VALUE;

    /** A zone never seen, or forgotten after going quiet. */
    public static final ZoneFireState INITIAL =
            new ZoneFireState(
                    0, new String[0], Map.of(), NEVER, Double.NaN, Double.NaN, NEVER, null);

    public ZoneFireState {
        if (stage < 0 || stage > 2) {
            throw new IllegalArgumentException("fire stage 0..2, got " + stage);
        }
        smokeSeen = Map.copyOf(smokeSeen);
    }

    /** No fire incident open. */
    public boolean quiet() {
        return stage == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZoneFireState s
                && stage == s.stage
                && Arrays.equals(stations, s.stations)
                && smokeSeen.equals(s.smokeSeen)
                && lastSmokeTs == s.lastSmokeTs
                && Double.compare(maxTemperatureC, s.maxTemperatureC) == 0
                && Double.compare(maxSmokePpm, s.maxSmokePpm) == 0
                && latestTs == s.latestTs
                && Objects.equals(districtId, s.districtId);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(stations) * 31 + smokeSeen.hashCode() + Long.hashCode(latestTs);
    }
}
