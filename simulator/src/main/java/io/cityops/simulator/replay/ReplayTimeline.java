package io.cityops.simulator.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Maps recorded time onto event time (the readings' {@code ts}) and wall time (when each is
 * published): event time is shifted so the anchor instant lands on the target, and shrunk by the
 * speed only when time is compressed; wall time always runs {@code speed} times faster than the
 * recording. Refuses a mapping that would publish readings ahead of the wall clock, which the
 * ingest bridge rejects as from the future.
 */
public final class ReplayTimeline {
    /** How far ahead of the wall clock a reading may be stamped: well inside ingest's 5 minutes. */
    static final Duration AHEAD_TOLERANCE = Duration.ofMinutes(1);

    private final long firstRecorded;
    private final long anchorRecorded;
    private final long anchorEvent;
    private final double eventDivisor;
    private final double speed;

    private ReplayTimeline(
            long firstRecorded,
            long anchorRecorded,
            long anchorEvent,
            double eventDivisor,
            double speed) {
        this.firstRecorded = firstRecorded;
        this.anchorRecorded = anchorRecorded;
        this.anchorEvent = anchorEvent;
        this.eventDivisor = eventDivisor;
        this.speed = speed;
    }

    /**
     * The timeline of a replay starting at {@code now}.
     *
     * @throws IllegalArgumentException when readings would be stamped ahead of the wall clock
     */
    public static ReplayTimeline of(ReplayConfig c, List<Sample> samples, Instant now) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("nothing to replay: the recording has no instants");
        }
        long first = samples.get(0).recordedAt();
        long last = samples.get(samples.size() - 1).recordedAt();
        long anchor = c.anchorAtEnd() ? last : first;
        if (c.compressTime() && (c.shiftTo().isEmpty() || Double.isInfinite(c.speed()))) {
            throw new IllegalArgumentException(
                    "replay.time.compress needs a finite replay.speed and a replay.time.shift-to");
        }
        ReplayTimeline t =
                new ReplayTimeline(
                        first,
                        anchor,
                        c.shiftTarget(now).map(Instant::toEpochMilli).orElse(anchor),
                        c.compressTime() ? c.speed() : 1,
                        c.speed());
        for (Sample s : samples) {
            long ahead =
                    t.eventTime(s.recordedAt())
                            - (now.toEpochMilli() + t.wallOffset(s.recordedAt()).toMillis());
            if (ahead > AHEAD_TOLERANCE.toMillis()) {
                throw new IllegalArgumentException(
                        "the reading recorded at "
                                + Instant.ofEpochMilli(s.recordedAt())
                                + " would be stamped "
                                + Duration.ofMillis(ahead).toMinutes()
                                + " min ahead of the clock when published, and ingest rejects"
                                + " readings from the future: anchor the recording's end"
                                + " (replay.time.anchor=end), compress time"
                                + " (replay.time.compress=true) or lower replay.speed");
            }
        }
        return t;
    }

    /** The event time (epoch ms) of the reading recorded at {@code recordedAt}. */
    public long eventTime(long recordedAt) {
        return anchorEvent + Math.round((recordedAt - anchorRecorded) / eventDivisor);
    }

    /** When, after the replay's start, the reading recorded at {@code recordedAt} is published. */
    public Duration wallOffset(long recordedAt) {
        return Double.isInfinite(speed)
                ? Duration.ZERO
                : Duration.ofMillis(Math.round((recordedAt - firstRecorded) / speed));
    }
}
