package io.cityops.jobs.detection.power;

/**
 * One customer meter as the voltage detector sees it: its newest voltage, since when (event time)
 * it has been outside or back inside the band, and whether a meter-level {@code power.voltage} is
 * raised for it. A dark meter (outage) is neither outside nor inside. Kept in Flink {@code
 * MapState}.
 */
public record MeterVoltage(
        long lastTs, double lastV, long outsideSince, long insideSince, boolean raised) {
    public static final long NONE = Long.MIN_VALUE;

    public boolean outside() {
        return outsideSince != NONE;
    }

    /** Outside the band for at least {@code minMs} by its own readings. */
    public boolean sustained(long minMs) {
        return outsideSince != NONE && lastTs - outsideSince >= minMs;
    }

    /** Back inside the band for at least {@code holdMs} by its own readings. */
    public boolean settled(long holdMs) {
        return insideSince != NONE && lastTs - insideSince >= holdMs;
    }

    MeterVoltage withRaised(boolean r) {
        return new MeterVoltage(lastTs, lastV, outsideSince, insideSince, r);
    }
}
