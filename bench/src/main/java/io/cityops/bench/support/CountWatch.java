package io.cityops.bench.support;

import java.util.function.LongSupplier;

/**
 * Polls a growing count (records in Kafka, committed offsets) until it reaches a target or stops
 * growing, and remembers when it last grew: the end of a sustained-throughput interval.
 */
public final class CountWatch {
    private CountWatch() {}

    /** The count when the watch ended and the wall-clock time (ms) of its last increase. */
    public record Outcome(long count, long lastIncreaseMillis, boolean reachedTarget) {}

    /**
     * @param stallMillis give up after the count has not grown for this long
     * @param maxMillis give up after this long in any case
     */
    public static Outcome await(
            LongSupplier count, long target, long stallMillis, long maxMillis, long pollMillis) {
        long start = System.currentTimeMillis();
        long last = count.getAsLong();
        long lastIncrease = start;
        while (last < target) {
            long now = System.currentTimeMillis();
            if (now - lastIncrease > stallMillis || now - start > maxMillis) {
                return new Outcome(last, lastIncrease, false);
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(last, lastIncrease, false);
            }
            long c = count.getAsLong();
            if (c > last) {
                last = c;
                lastIncrease = System.currentTimeMillis();
            }
        }
        return new Outcome(last, lastIncrease, true);
    }
}
