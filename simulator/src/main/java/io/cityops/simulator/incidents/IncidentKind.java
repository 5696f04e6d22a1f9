package io.cityops.simulator.incidents;

/** The kinds of scripted incident, one per detector family the platform must show working. */
public enum IncidentKind {
    RIVER_FLOOD,
    FOREST_FIRE,
    TRAFFIC_BLOCKAGE,
    POWER_OUTAGE,
    AIR_QUALITY_EPISODE
}
