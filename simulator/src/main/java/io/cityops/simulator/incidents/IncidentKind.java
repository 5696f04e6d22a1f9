package io.cityops.simulator.incidents;

/** The kinds of scripted incident, one per detector family the platform must show working. */
public enum IncidentKind {
    RIVER_FLOOD,
    FOREST_FIRE,
    TRAFFIC_BLOCKAGE,
    POWER_OUTAGE,
    AIR_QUALITY_EPISODE,
    /** A cloudburst at a rain gauge, the district's river rising after it. */
    RAIN_BURST,
    /** Low voltage at the far end of one transformer's lines. */
    VOLTAGE_SAG,
    /** A forest station whose logger repeats its last frame. */
    STUCK_SENSOR,
    /** A device that stops publishing for a few minutes, then resumes. */
    SILENT_SENSOR,
    /** A forest fire's variant: a spot fire seen at once by a station's flame (IR) sensor. */
    FLAME_DETECTION,
    /** A customer meter registering reverse energy. */
    METER_TAMPER
}
