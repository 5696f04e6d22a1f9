package io.cityops.model.city;

/** What a zone is for: the unit in which incidents are grouped and coverage is counted. */
public enum ZoneKind {
    FOREST,
    URBAN,
    GRID
}
