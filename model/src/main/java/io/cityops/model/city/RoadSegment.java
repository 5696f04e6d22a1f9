package io.cityops.model.city;

import java.io.Serializable;

/**
 * A directed stretch of road between an upstream and a downstream detector.
 *
 * @param freeFlowKmh speed at free flow, the reference for congestion levels
 */
public record RoadSegment(
        String id,
        String name,
        String districtId,
        double freeFlowKmh,
        double lengthKm,
        String upstreamSensorId,
        String downstreamSensorId)
        implements Serializable {}
