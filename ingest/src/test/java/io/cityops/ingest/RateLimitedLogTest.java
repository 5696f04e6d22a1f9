package io.cityops.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {
    private final List<String> lines = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final RateLimitedLog log =
            new RateLimitedLog(lines::add, Duration.ofSeconds(10), nanos::get);

    @Test
    void oneLinePerKeyPerIntervalThenTheNextLineCountsWhatWasHeldBack() {
        log.log("NOT_JSON", "first");
        log.log("NOT_JSON", "second");
        log.log("NOT_JSON", "third");
        log.log("OVERSIZE", "other reason");
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        log.log("NOT_JSON", "fourth");
        log.log("NOT_JSON", "fifth");

        assertThat(lines)
                .containsExactly(
                        "first",
                        "other reason",
                        "fourth (+2 similar not logged since the last line)");
    }
}
