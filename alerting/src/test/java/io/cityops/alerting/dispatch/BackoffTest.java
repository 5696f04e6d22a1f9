package io.cityops.alerting.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void delayDoublesUpToTheCapAndResetsAfterSuccess() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(Stream.generate(backoff::next).limit(5).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 5L, 5L);
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
    }
}
