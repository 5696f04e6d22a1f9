package io.cityops.jobs.coverage;

import java.util.List;
import java.util.Map;

/**
 * What the coverage operator checkpoints: the sensors reporting, the raised shortfalls and sudden
 * drops, when each silent forest station fell silent, and the latest event time seen. The hexagon
 * grid is not stored; it is rebuilt from {@code reporting} on restore.
 */
public record CoverageMemory(
        List<String> reporting,
        List<String> belowTarget,
        Map<String, Long> silentSince,
        List<String> suddenDropZones,
        long latestEventTime) {

    public static final CoverageMemory EMPTY =
            new CoverageMemory(List.of(), List.of(), Map.of(), List.of(), 0L);
}
