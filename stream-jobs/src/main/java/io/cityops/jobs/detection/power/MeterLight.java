package io.cityops.jobs.detection.power;

/**
 * One customer meter as the outage detector sees it: lit, or dark since {@code onsetTs} (event
 * time) because it sent a last gasp, reported (near) zero volts, or fell silent. Kept per meter in
 * Flink {@code MapState}.
 *
 * @param cause {@link #LIT}, {@link #LAST_GASP}, {@link #ZERO_VOLTAGE} or {@link #SILENT}
 * @param onsetTs when it went dark: the gasp's or zero reading's time, for a silent meter the time
 *     it was last heard
 * @param lastTs event time of its newest reading
 * @param deadline processing time after which, without another reading, it counts as silent
 * @param windowMs its silence window (heartbeat × factor)
 */
public record MeterLight(String cause, long onsetTs, long lastTs, long deadline, long windowMs) {
    public static final String LIT = "lit";
    public static final String LAST_GASP = "lastGasp";
    public static final String ZERO_VOLTAGE = "zeroVoltage";
    public static final String SILENT = "silent";

    public boolean dark() {
        return !LIT.equals(cause);
    }

    public boolean silent() {
        return SILENT.equals(cause);
    }

    /**
     * The meter after a reading at {@code ts} ({@code cause} {@link #LIT}, {@link #LAST_GASP} or
     * {@link #ZERO_VOLTAGE}); a meter already dark keeps its onset. {@code prev} may be null.
     */
    public static MeterLight afterReading(
            MeterLight prev, long ts, String cause, long deadline, long windowMs) {
        boolean wasDark = prev != null && prev.dark();
        long onset = LIT.equals(cause) ? ts : wasDark ? prev.onsetTs : ts;
        return new MeterLight(cause, onset, ts, deadline, windowMs);
    }

    /** The meter once its deadline passed without a reading: dark since it was last heard. */
    public MeterLight silenced() {
        return new MeterLight(SILENT, dark() ? onsetTs : lastTs, lastTs, deadline, windowMs);
    }
}
