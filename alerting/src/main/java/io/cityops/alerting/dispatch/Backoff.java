package io.cityops.alerting.dispatch;

import java.time.Duration;

/** Exponential back-off between retries: doubles from {@code initial} up to {@code max}. */
final class Backoff {
    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The delay before the next retry; each call doubles the one after. */
    Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    /** After a success, start again from the initial delay. */
    void reset() {
        next = initial;
    }
}
