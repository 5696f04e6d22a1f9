package io.cityops.jobs.coverage.liveness;

/**
 * Keeps processing-time silence deadlines restored from a checkpoint from being judged before the
 * backlog is read. A deadline stored before a downtime is overdue the moment the job is back, and
 * would fire before the readings that waited in Kafka during the downtime are processed: every
 * sensor would look silent at once. So a deadline that falls due before {@code openedAt + grace} is
 * re-armed at that time instead of judged, which gives the backlog one silence window to re-arm it.
 * Deadlines set after opening ({@code now + window}) are never affected.
 *
 * <p>One per operator instance, created in {@code open()}, not checkpointed (its whole point is the
 * time of this opening). {@code openedAt} is the processing time of the instance's first callback
 * (a reading or a timer), which comes right after a restore since overdue timers fire at once.
 * Going by the timer service's clock rather than {@code System.currentTimeMillis()} keeps it
 * testable.
 */
public final class RestoreGrace {
    private static final long UNKNOWN = Long.MIN_VALUE;

    private long openedAt = UNKNOWN;

    /** Notes the clock of a callback; the first one after opening stands for the opening time. */
    public void observe(long now) {
        if (openedAt == UNKNOWN) {
            openedAt = now;
        }
    }

    /**
     * When a deadline due at {@code due} should be judged: {@code due} itself, or the end of the
     * grace after opening if it falls before that.
     *
     * @param now the processing time of the callback
     * @param graceMs the grace after opening, the sensor's silence window
     */
    public long judgeAt(long due, long now, long graceMs) {
        observe(now);
        long end = openedAt + graceMs;
        return due < end ? end : due;
    }
}
