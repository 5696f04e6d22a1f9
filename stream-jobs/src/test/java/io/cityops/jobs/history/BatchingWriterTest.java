package io.cityops.jobs.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchingWriterTest {
    private final List<List<HistoryPoint>> written = new ArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();
    private int failuresLeft;

    private final PointWriter flaky =
            batch -> {
                if (failuresLeft-- > 0) {
                    throw new IOException("connection refused");
                }
                written.add(List.copyOf(batch));
            };

    private BatchingWriter writer(int batchSize, int maxAttempts) {
        return new BatchingWriter(
                flaky,
                batchSize,
                maxAttempts,
                Duration.ofMillis(100),
                Duration.ofMillis(300),
                pauses::add);
    }

    private static List<HistoryPoint> points(int n) {
        List<HistoryPoint> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(
                    new HistoryPoint(
                            "raw", "reading", Map.of("sensorId", "s"), Map.of("v", 1.0), i));
        }
        return out;
    }

    @Test
    void fullBatchesGoOutAtOnceAndTheRestWaitsForFlush() throws Exception {
        BatchingWriter w = writer(3, 1);
        w.add(points(4));
        assertThat(written).hasSize(1);
        assertThat(written.get(0)).hasSize(3);
        assertThat(w.buffered()).isEqualTo(1);
        w.flush();
        assertThat(written).hasSize(2);
        assertThat(w.buffered()).isZero();
    }

    @Test
    void failedBatchIsRetriedWithDoublingCappedBackoff() throws Exception {
        failuresLeft = 3;
        BatchingWriter w = writer(10, 5);
        w.add(points(2));
        w.flush();
        assertThat(written).hasSize(1);
        assertThat(pauses)
                .containsExactly(
                        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
    }

    @Test
    void givingUpFailsAndKeepsThePointsForTheReplay() throws Exception {
        failuresLeft = 10;
        BatchingWriter w = writer(10, 3);
        w.add(points(2));
        assertThatThrownBy(w::flush)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("failed after 3 attempts");
        assertThat(w.buffered()).isEqualTo(2);
        assertThat(written).isEmpty();
    }
}
