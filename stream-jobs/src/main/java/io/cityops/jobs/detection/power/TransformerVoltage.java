package io.cityops.jobs.detection.power;

/**
 * The transformer-level part of the voltage detector: whether a transformer-wide {@code
 * power.voltage} is raised, since when (event time) enough meters have been outside the band, and
 * since when too few have.
 */
public record TransformerVoltage(boolean raised, long wideSince, long narrowSince) {
    public static final long NONE = Long.MIN_VALUE;

    public static final TransformerVoltage INITIAL = new TransformerVoltage(false, NONE, NONE);
}
