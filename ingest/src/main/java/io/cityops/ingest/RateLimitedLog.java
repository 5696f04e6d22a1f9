package io.cityops.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Writes at most one line per key (e.g. per rejection reason) per interval, and says on the next
 * line it writes how many it held back, so a misbehaving fleet cannot flood the operator's log.
 */
final class RateLimitedLog {
    private final Consumer<String> sink;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimitedLog(Consumer<String> sink, Duration interval, LongSupplier nanoTime) {
        this.sink = sink;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    void log(String key, String line) {
        Window w = windows.computeIfAbsent(key, k -> new Window());
        long suppressed;
        synchronized (w) {
            long now = nanoTime.getAsLong();
            if (w.logged && now - w.lastLoggedAt < intervalNanos) {
                w.suppressed++;
                return;
            }
            suppressed = w.suppressed;
            w.suppressed = 0;
            w.logged = true;
            w.lastLoggedAt = now;
        }
        sink.accept(
                suppressed == 0
                        ? line
                        : line + " (+" + suppressed + " similar not logged since the last line)");
    }

    private static final class Window {
        boolean logged;
        long lastLoggedAt;
        long suppressed;
    }
}
