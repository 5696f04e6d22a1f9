package io.cityops.model.city;

/** What a field unit can respond to. */
public enum Capability {
    FOREST_RANGER,
    TRAFFIC_POLICE,
    POWER_CREW,
    ENVIRONMENT_TEAM,
    DISASTER_RESPONSE
}
