package io.cityops.jobs.detection;

import org.apache.flink.streaming.api.TimerService;

/**
 * The end of a bounded input (a replay, a test script): Flink then sends the final watermark
 * ({@link Long#MAX_VALUE}) and fires every event-time timer at once. Detectors that forget a
 * subject after its data stops must not read that as silence: the input ended, the sensors did not
 * go away, so they keep what is raised instead of clearing it as "no data".
 */
public final class EndOfInput {
    private EndOfInput() {}

    /** Whether event time has reached the end of a bounded input. */
    public static boolean reached(TimerService timers) {
        return timers.currentWatermark() == Long.MAX_VALUE;
    }
}
