package io.cityops.simulator.values;

/**
 * Whether a device has power; only meters tell the difference between the two ways of losing it.
 */
public enum Supply {
    ON,
    /**
     * Supply lost; a meter sends one "last gasp" reading (voltage 0, lastGasp 1), then falls
     * silent.
     */
    LOST,
    /** Supply lost and the last gasp does not get through: the device just falls silent. */
    LOST_SILENTLY
}
